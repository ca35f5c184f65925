package io.execgate.sandbox

import groovy.yaml.YamlSlurper
import io.execgate.sandbox.support.SandboxSpecification
import io.execgate.sandbox.support.VendorCalls

/**
 * Each simulator answers like its vendor: every request and every answer below is checked against
 * the vendor's checked-in spec by {@link VendorCalls}, and the answers a gateway relies on are
 * asserted exactly.
 */
class SimulatorConformanceSpec extends SandboxSpecification {

    def "#vendor is seeded with one execution in every status its spec documents"() {
        when:
        def seeded = calls(vendor).idsByStatus().keySet()

        then:
        seeded == documented as Set

        where:
        vendor    | documented
        'kaizen'  | statusEnum('kaizen', 'Execution')
        'kinetic' | statusEnum('kinetic', 'ExecutionResponse') + [null]
        'algapsa' | statusEnum('algapsa', 'AutomationExecution')
        'skyvern' | statusEnum('skyvern', 'RunStatus')
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
        refusal == null ? calls.idOf(answer) != null : answer.json == refusal(id)

        where:
        vendor    | status       || http | refusal
        'kaizen'  | 'Failed'     || 200  | null
        'kaizen'  | 'Completed'  || 200  | null
        'kaizen'  | 'InProgress' || 200  | { x -> [success: false, message: "Execution $x is InProgress and cannot be retried".toString()] }
        'kaizen'  | 'Enqueued'   || 200  | { x -> [success: false, message: "Execution $x is Enqueued and cannot be retried".toString()] }
        'kinetic' | 'failed'     || 201  | null
        'kinetic' | 'running'    || 201  | null
        'kinetic' | null         || 201  | null
        'algapsa' | 'failed'     || 200  | null
        'algapsa' | 'running'    || 409  | { x -> [error: [code: 'CONFLICT', message: 'Only failed executions can be retried (status: running)']] }
        'algapsa' | 'completed'  || 409  | { x -> [error: [code: 'CONFLICT', message: 'Only failed executions can be retried (status: completed)']] }
        'skyvern' | 'failed'     || 200  | null
        'skyvern' | 'completed'  || 200  | null
        'skyvern' | 'running'    || 400  | { x -> [detail: 'Only terminal workflow runs can be retried'] }
        'skyvern' | 'paused'     || 400  | { x -> [detail: 'Only terminal workflow runs can be retried'] }
    }

    def "#vendor reads every seeded execution in its own shape, with the seeded status"() {
        given:
        def calls = calls(vendor)

        expect:
        calls.idsByStatus().every { status, id ->
            def answer = calls.read(id)
            answer.status == 200 && calls.statusOf(answer) == status && calls.idOf(answer) == id
        }

        where:
        vendor << ['kaizen', 'algapsa', 'skyvern']
    }

    def "#vendor answers an unknown id with its own 404"() {
        when:
        def answer = calls(vendor).retry(id)

        then:
        answer.status == 404
        answer.json == body

        where:
        vendor    | id                                     || body
        'kaizen'  | 'exec_000000000000'                    || [message: 'Execution not found']
        'kinetic' | '00000000-0000-4000-8000-000000000000' || [detail: 'Execution not found']
        'algapsa' | '00000000-0000-4000-8000-000000000000' || [error: [code: 'NOT_FOUND', message: 'Automation execution not found']]
        'skyvern' | 'wr_1'                                 || [detail: 'Workflow run not found']
    }

    def "#vendor refuses #what with its own #http"() {
        given:
        def calls = calls(vendor)
        def id = calls.idsByStatus().find { it.key?.toLowerCase() == 'failed' }.value
        def (method, path, body) = VendorCalls.retryCall(vendor, id)
        int executions = calls.raw('GET', '/_sandbox/executions').json.size()

        when:
        def answer = calls.callAs(key, method as String, path as String, body as String)

        then:
        answer.status == http
        answer.json == refusal
        calls.raw('GET', '/_sandbox/executions').json.size() == executions // nothing was retried

        where:
        vendor    | what          | key         || http | refusal
        'kaizen'  | 'a wrong key' | 'wrong-key' || 403  | [message: 'Forbidden: invalid API key']
        'kaizen'  | 'no key'      | null        || 401  | [message: 'Unauthorized']
        'kinetic' | 'a wrong key' | 'wrong-key' || 403  | [detail: 'Invalid API key']
        'kinetic' | 'no key'      | null        || 401  | [detail: 'Not authenticated']
        'algapsa' | 'a wrong key' | 'wrong-key' || 401  | [error: [code: 'UNAUTHORIZED', message: 'Invalid API key']]
        'algapsa' | 'no key'      | null        || 401  | [error: [code: 'UNAUTHORIZED', message: 'Invalid API key']]
        'skyvern' | 'a wrong key' | 'wrong-key' || 403  | [detail: 'Could not validate credentials']
        'skyvern' | 'no key'      | null        || 403  | [detail: 'Could not validate credentials']
    }

    def "#vendor answers input it cannot read in its own documented shape"() {
        when:
        def answer = calls(vendor).callBadly(method, path, null, headers)

        then:
        answer.status == http
        answer.json == body

        where:
        vendor    | method | path                                              | headers                               || http | body
        'algapsa' | 'POST' | '/api/v1/automation/executions/not-a-uuid/retry' | [:]                                   || 400  | [error: [code: 'VALIDATION_ERROR', message: 'id: cannot be read as UUID']]
        'algapsa' | 'GET'  | '/api/v1/automation/executions/not-a-uuid'       | [:]                                   || 400  | [error: [code: 'VALIDATION_ERROR', message: 'id: cannot be read as UUID']]
        'skyvern' | 'POST' | '/v1/agents/runs/wr_1/retry'                      | ['x-max-steps-override': 'many']      || 422  | [detail: [[loc: ['header'], msg: 'x-max-steps-override: cannot be read as Integer', type: 'value_error']]]
    }

    def "Kaizen answers a body without an id with a 400 in its error shape"() {
        when:
        def answer = calls('kaizen').raw('POST', '/executions/retry', '{}',
                [Authorization: "Bearer ${sandbox.simulator('kaizen').apiKey()}".toString()])

        then: 'the generated model refuses a body without its required id as it decodes it (generated/templates)'
        answer.status == 400
        answer.json.keySet() == ['message'] as Set
        answer.json.message.endsWith('cannot be read as RetryExecutionRequest')
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

    private static List<String> statusEnum(String vendor, String schema) {
        def spec = new YamlSlurper().parse(VendorCalls.ROOT.resolve("specs/vendors/${vendor}.yaml"))
        def s = spec.components.schemas[schema]
        def status = s.enum ? s : s.properties.status
        status.enum ?: status.anyOf.find { it.enum }.enum
    }
}
