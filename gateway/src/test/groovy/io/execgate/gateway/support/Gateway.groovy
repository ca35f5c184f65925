package io.execgate.gateway.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import groovy.yaml.YamlSlurper
import io.execgate.testkit.OpenApiContract
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.opentelemetry.api.OpenTelemetry
import io.opentelemetry.sdk.OpenTelemetrySdk

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The gateway as a user runs it: a real server on 127.0.0.1, every vendor configured against its
 * own {@link FakeVendor}, each with a key of its own. Calls go through {@link RawHttp}.
 *
 * <p>Every {@link #retry} and {@link #get} is checked against the specs: the answer against
 * {@code specs/gateway.yaml} (the server's copy, {@link #GATEWAY_SPEC}), and every call a vendor received
 * against that vendor's spec.
 */
class Gateway implements Closeable {
    /**
     * The vendors under test: one fixture folder each, {@code src/test/resources/vendors/<vendor>/}
     * (VendorFixturesSpec holds them to the adapters the gateway discovers, so a vendor without fixtures fails).
     */
    static final List<String> VENDORS = fixtureFolders()
    /** A key of its own for each vendor, shaped like a real secret so that a leak is recognisable. */
    static final Map<String, String> VENDOR_KEYS = VENDORS.withIndex().collectEntries { String vendor, int i ->
        [(vendor): "${vendor.take(2)}-live-Secret-${String.format('%04d', i + 1)}".toString()]
    }
    static final String CLIENT_KEY = 'client-ci-Secret-0005'
    static final String LIMITED_CLIENT_KEY = 'client-limited-Secret-0006'
    static final String TENANT = '11111111-2222-4333-8444-555555555555'

    static final Path ROOT = Path.of(System.getProperty('execgate.root'))
    /**
     * The server's copy of specs/gateway.yaml (generated/pom.xml): the contract with its extensible enums as
     * enums, so an answer with a code or status this version does not list fails; ExtensibleEnumsSpec holds the
     * copy to the contract, so whatever passes here passes the published contract too.
     */
    static final OpenApiContract GATEWAY_SPEC = OpenApiContract.load(ROOT.resolve('generated/target/openapi/gateway.yaml'))
    static final Map<String, OpenApiContract> VENDOR_SPECS = VENDORS.collectEntries {
        [(it): OpenApiContract.load(ROOT.resolve("specs/vendors/${it}.yaml"))]
    }

    /**
     * Per vendor, what a check of its calls against its spec may say on purpose, where the contract sends what the
     * vendor's document does not allow: {@code vendors/<vendor>/call-errors-expected.txt}, one message a line.
     */
    static final Map<String, List<String>> EXPECTED_CALL_ERRORS = VENDORS.collectEntries { vendor ->
        [(vendor): Gateway.getResource("/vendors/$vendor/call-errors-expected.txt")?.readLines()
                ?.findAll { it && !it.startsWith('#') } ?: []]
    }

    final Map<String, FakeVendor> vendors = VENDORS.collectEntries { [(it): new FakeVendor()] }
    final EmbeddedServer server
    final RawHttp http

    Gateway(Map<String, Object> extra = [:]) {
        Map<String, Object> props = [
                'micronaut.server.port'                 : -1,
                'execgate.clients.ci.api-key'           : CLIENT_KEY,
                'execgate.clients.limited.api-key'      : LIMITED_CLIENT_KEY,
                'execgate.clients.limited.vendors'      : ['kinetic']]
        vendors.each { name, fake ->
            props["execgate.vendors.${name}.url".toString()] = fake.url
            props["execgate.vendors.${name}.api-key".toString()] = VENDOR_KEYS[name]
            props["execgate.vendors.${name}.read-timeout".toString()] = '2s'
            vendorSettings(name).each { key, value -> props["execgate.vendors.${name}.${key}".toString()] = value }
        }
        TestTraffic.secrets(VENDOR_KEYS.values() + [CLIENT_KEY, LIMITED_CLIENT_KEY])
        server = ApplicationContext.run(EmbeddedServer, props + extra)
        http = new RawHttp(server.port)
    }

    FakeVendor vendor(String name) { vendors[name] }

    void clearVendors() { vendors.values()*.clear() }

    int getVendorCalls() { vendors.values().sum { it.requests.size() } as int }

    /**
     * Hands every span ended so far to the configured exporter and waits (at most {@code seconds}) until
     * that export is done. Afterwards such a span is at its collector, or no exporter exists: the signal
     * a test waits on before it says a span was not exported.
     */
    void flushSpans(long seconds) {
        def sdk = server.applicationContext.getBean(OpenTelemetry) as OpenTelemetrySdk
        assert sdk.sdkTracerProvider.forceFlush().join(seconds, TimeUnit.SECONDS).success: "spans not flushed within ${seconds}s"
    }

    /** POST /v1/executions/{vendor}/{rawId}/retry with the CI client's key; {@code rawId} is sent as written. */
    RawHttp.Answer retry(String vendor, String rawId, Object body = null, Map<String, String> headers = [:], String query = '') {
        String text = body == null || body instanceof String ? body : JsonOutput.toJson(body)
        Map<String, String> all = [Authorization: "Bearer $CLIENT_KEY".toString()]
        if (text != null) {
            all['Content-Type'] = 'application/json'
        }
        String target = "/v1/executions/$vendor/$rawId/retry$query"
        checked('POST', target) { http.send('POST', target, all + headers, text) }
    }

    RawHttp.Answer get(String target, Map<String, String> headers = [Authorization: "Bearer $CLIENT_KEY".toString()]) {
        checked('GET', target) { http.send('GET', target, headers) }
    }

    /** Any request, sent as written, checked like {@link #retry} where the spec knows the route. */
    RawHttp.Answer send(String method, String target, Map<String, String> headers = [:], String body = null) {
        checked(method, target) { http.send(method, target, headers, body) }
    }

    /** Runs a call and fails when its answer or any vendor call it caused breaks a spec. */
    private RawHttp.Answer checked(String method, String target, Closure<RawHttp.Answer> call) {
        Map<String, Integer> before = vendors.collectEntries { name, fake -> [(name): fake.requests.size()] }
        RawHttp.Answer answer = call()
        List<String> errors = []
        if (GATEWAY_SPEC.knows(method, target)) {
            errors += GATEWAY_SPEC.responseErrors(method, target, answer.status, answer.header('Content-Type'), answer.body)
                    .collect { "gateway answer: $it" }
        }
        vendors.each { name, fake ->
            fake.requests.drop(before[name]).each { FakeVendor.Recorded r ->
                Map<String, String> headers = r.headers.collectEntries { k, v -> [(k): v.first()] }
                errors += (VENDOR_SPECS[name].requestErrors(r.method, r.target, headers, r.body.length ? r.text : null)
                        - EXPECTED_CALL_ERRORS[name]).collect { "$name call: $it" }
            }
        }
        assert errors.isEmpty()
        answer
    }

    /** The fixture folders under src/test/resources/vendors, in name order. */
    private static List<String> fixtureFolders() {
        URL root = Gateway.getResource('/vendors')
        assert root != null: 'src/test/resources/vendors is missing'
        Path folder = Path.of(root.toURI())
        java.nio.file.Files.list(folder).withCloseable { paths ->
            paths.filter { java.nio.file.Files.isDirectory(it) }.map { it.fileName.toString() }.sorted().toList()
        }
    }

    /**
     * A vendor's own settings beyond URL and key ({@code vendors/<vendor>/settings.properties}, optional),
     * set as {@code execgate.vendors.<vendor>.<key>}; {@code ${TENANT}} stands for {@link #TENANT}.
     */
    static Map<String, String> vendorSettings(String vendor) {
        InputStream file = Gateway.getResourceAsStream("/vendors/$vendor/settings.properties")
        if (file == null) {
            return [:]
        }
        Properties settings = new Properties()
        file.withCloseable { settings.load(it) }
        settings.collectEntries { key, value -> [(key as String): value == '${TENANT}' ? TENANT : value as String] } as Map<String, String>
    }

    /**
     * A vendor's accepted retry, its fixture {@code vendors/<vendor>/retry-<status>.json} (the one file so
     * named): {@code [status, body text]}, for specs that need the vendor to say yes and care how it answers
     * only through the vendor's own specs. A vendor without exactly one fails, loudly.
     */
    static List acceptedRetry(String vendor) {
        def (int status, String name) = acceptedRetryFile(vendor)
        [status, fixture(vendor, name)]
    }

    /** {@link #acceptedRetry}'s status and file name. */
    static List acceptedRetryFile(String vendor) {
        List<String> names = Path.of(Gateway.getResource("/vendors/$vendor").toURI()).toFile().list()
                .findAll { it ==~ /retry-2\d\d\.json/ }
        assert names.size() == 1: "vendors/$vendor needs exactly one retry-<2xx status>.json fixture, has $names"
        [names[0].substring(6, 9) as int, names[0]]
    }

    /** An execution id of the shape the vendor uses ({@code vendors/<vendor>/sample-id.txt}, else {@code x-1}). */
    static String sampleId(String vendor) {
        Gateway.getResource("/vendors/$vendor/sample-id.txt")?.text?.trim() ?: 'x-1'
    }

    /**
     * A vendor's YAML fixture {@code vendors/<vendor>/<name>}, read with {@link #filledIn} applied: the file a
     * shared spec takes that vendor's rows from. A vendor without it fails, loudly, naming the file and {@code what}
     * would go untested.
     */
    static Map vendorFixture(String vendor, String name, String what) {
        InputStream yaml = Gateway.getResourceAsStream("/vendors/$vendor/$name")
        assert yaml != null: "gateway/src/test/resources/vendors/$vendor/$name is missing: $vendor's $what would go untested"
        Map fixture = yaml.withCloseable { new YamlSlurper().parse(it) as Map }
        filledIn(vendor, fixture) as Map
    }

    /**
     * A fixture's value with its placeholders filled in, so that fixtures never hold a secret:
     * {@code ${key}} is the vendor's configured key ({@link #VENDOR_KEYS}), {@code ${tenant}} is {@link #TENANT}.
     * Any other {@code ${…}} fails.
     */
    static Object filledIn(String vendor, Object value) {
        switch (value) {
            case Map: return (value as Map).collectEntries { k, v -> [(k): filledIn(vendor, v)] }
            case List: return (value as List).collect { filledIn(vendor, it) }
            case String:
                Map<String, String> known = [key: VENDOR_KEYS[vendor], tenant: TENANT]
                return (value as String).replaceAll('\\$\\{(\\w+)\\}') { all, String name ->
                    assert known.containsKey(name): "vendors/$vendor: unknown placeholder $all (known: ${known.keySet()})"
                    known[name]
                }
            default: return value
        }
    }

    /** A vendor fixture from src/test/resources/vendors, as text. */
    static String fixture(String vendor, String name) {
        InputStream file = Gateway.getResourceAsStream("/vendors/$vendor/$name")
        assert file != null: "gateway/src/test/resources/vendors/$vendor/$name is missing"
        file.withCloseable { it.text }
    }

    /** A vendor fixture with members replaced ({@code path} is dot-separated, e.g. {@code data.status}). */
    static String fixture(String vendor, String name, Map<String, Object> changes) {
        def json = new JsonSlurper().parseText(fixture(vendor, name))
        changes.each { path, value ->
            def parts = path.split('\\.')
            def node = parts.dropRight(1).inject(json) { n, p -> n[p] }
            if (value == REMOVE) {
                node.remove(parts.last())
            } else {
                node[parts.last()] = value
            }
        }
        JsonOutput.toJson(json)
    }

    static final Object REMOVE = new Object()

    @Override
    void close() {
        server?.applicationContext?.close()
        vendors.values()*.close()
    }
}
