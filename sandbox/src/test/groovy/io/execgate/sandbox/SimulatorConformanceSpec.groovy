package io.execgate.sandbox

import groovy.yaml.YamlSlurper
import io.execgate.sandbox.support.SandboxSpecification
import io.execgate.sandbox.support.VendorCalls

/**
 * Each simulator answers like its vendor: every request and every answer below is checked against
 * the vendor's checked-in spec by {@link VendorCalls}, and the answers a gateway relies on are
 * asserted exactly, as each vendor's {@code vendors/<vendor>/calls.yaml} lists them (a vendor the
 * sandbox simulates without one of its sections fails, naming it).
 */
class SimulatorConformanceSpec extends SandboxSpecification {

    def "#vendor is seeded with one execution in every status its spec documents"() {
        when:
        def seeded = calls(vendor).idsByStatus().keySet()

        then:
        seeded == documented as Set

        where: "the schema is the vendor's calls.yaml 'seeded'"
        [vendor, documented] << VendorCalls.VENDORS.collect { vendor ->
            Map seeds = VendorCalls.expected(vendor, 'seeded') as Map
            [vendor, statusEnum(vendor, seeds.schema as String) + (seeds.alsoNull ? [null] : [])]
        }
    }

    def "#vendor retries a seeded #status execution with its documented answer #http"() {
        given:
        def calls = calls(vendor)
        def id = calls.idsByStatus()[status]

        when:
        def answer = calls.retry(id)

        then:
        answer.status == http
        answer.header('Content-Type').startsWith('application/json')
        refusal == null ? calls.idOf(answer) != null : answer.json == VendorCalls.withId(refusal, id)

        where: "the rows are the vendor's calls.yaml 'retries' ({id} in a refusal is the retried id)"
        [vendor, status, http, refusal] << VendorCalls.VENDORS.collectMany { vendor ->
            rows(vendor, 'retries').collect { [vendor, it.status, it.http, it.refusal] }
        }
    }

    def "#vendor reads every seeded execution in its own shape, with the seeded status"() {
        given:
        def calls = calls(vendor)

        expect:
        calls.idsByStatus().every { status, id ->
            def answer = calls.read(id)
            answer.status == 200 && calls.statusOf(answer) == status && calls.idOf(answer) == id
        }

        where: 'every vendor whose calls.yaml has a read'
        vendor << VendorCalls.VENDORS.findAll { VendorCalls.calls(it).read != null }
    }

    def "#vendor answers an unknown id #id with its own #http"() {
        when:
        def answer = calls(vendor).retry(id)

        then:
        answer.status == http
        answer.json == VendorCalls.withId(body, id)

        where: "the vendor's calls.yaml 'unknown'"
        [vendor, id, http, body] << VendorCalls.VENDORS.collect { vendor ->
            Map unknown = VendorCalls.expected(vendor, 'unknown') as Map
            [vendor, unknown.id as String, unknown.http, unknown.body]
        }
    }

    def "#vendor refuses #what with its own #http"() {
        given:
        def calls = calls(vendor)
        def id = sandbox.simulator(vendor).failedExecutionId()
        def (method, path, body) = VendorCalls.retryCall(vendor, id)
        int executions = calls.raw('GET', '/_sandbox/executions').json.size()

        when:
        def answer = calls.callAs(key, method as String, path as String, body as String)

        then:
        answer.status == http
        answer.json == refusal
        calls.raw('GET', '/_sandbox/executions').json.size() == executions // nothing was retried

        where: "the rows are the vendor's calls.yaml 'credentials'"
        [vendor, what, key, http, refusal] << VendorCalls.VENDORS.collectMany { vendor ->
            rows(vendor, 'credentials').collect { [vendor, it.what, it.key, it.http, it.body] }
        }
    }

    def "#vendor answers #what in its own shape"() {
        given:
        def calls = calls(vendor)

        when: 'a call its spec does not allow; an answer its spec does not document either is not checked against it'
        def answer = unchecked
                ? calls.raw(method, path, body, VendorCalls.credentials(sandbox.simulator(vendor), sandbox.simulator(vendor).apiKey()) + headers)
                : calls.callBadly(method, path, body, headers)

        then:
        answer.status == http
        answer.json == json

        where: "the rows are the vendor's calls.yaml 'badInput'"
        [vendor, what, method, path, body, headers, unchecked, http, json] << VendorCalls.VENDORS.collectMany { vendor ->
            rows(vendor, 'badInput', true).collect {
                [vendor, it.what, it.method, it.path, it.body, (it.headers ?: [:]) as Map<String, String>, it.unchecked == true, it.http, it.json]
            }
        }
    }

    def "seeded ids look like each vendor's and are the same on every start"() {
        given:
        def again = Sandbox.start(Sandbox.Options.embedded(step()))

        expect: "each vendor's shape is its fixture's seededId (vendors/<vendor>/calls.yaml)"
        sandbox.simulators().every { s ->
            def ids = new VendorCalls(s).idsByStatus().values()
            ids.every { it ==~ (VendorCalls.calls(s.vendor()).seededId as String) } &&
                    new VendorCalls(again.simulator(s.vendor())).idsByStatus().values() as List == ids as List
        }

        cleanup:
        again?.close()
    }

    /** The rows of a section of the vendor's calls.yaml: there must be some, unless it may say [] (none, on purpose). */
    private static List<Map> rows(String vendor, String section, boolean mayBeNone = false) {
        List<Map> rows = VendorCalls.expected(vendor, section) as List<Map>
        assert rows != null && (mayBeNone || rows): "sandbox/src/test/resources/vendors/$vendor/calls.yaml: '$section' has no rows"
        rows
    }

    private static List<String> statusEnum(String vendor, String schema) {
        def spec = new YamlSlurper().parse(VendorCalls.ROOT.resolve("specs/vendors/${vendor}.yaml"))
        def s = spec.components.schemas[schema]
        def status = s.enum ? s : s.properties.status
        status.enum ?: status.anyOf.find { it.enum }.enum
    }
}
