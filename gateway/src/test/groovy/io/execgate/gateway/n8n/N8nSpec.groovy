package io.execgate.gateway.n8n

import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.SandboxGateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

import static io.execgate.gateway.support.Gateway.fixture

/**
 * n8n through the unified endpoint: the exact call n8n receives (below its document's server path
 * /api/v1, with X-N8N-API-KEY), the answer a client gets, n8n's rows of the error table
 * (specs/vendors/n8n.overlay.yaml cites the server code behind each; its status column is
 * vendors/n8n/status-column.json, run by StatusTableSpec), and the simulator end to end.
 */
class N8nSpec extends Specification {
    static final Map EMPTY_LINKS = [app: null, liveView: null, recording: null, output: null, logs: null]

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "a retry is POST /api/v1/executions/{id}/retry with the key and no body; the new execution comes back as 202"() {
        given:
        gateway.vendor('n8n').answer(200, fixture('n8n', 'retry-200.json'))

        when:
        def answer = gateway.retry('n8n', '1004')

        then: 'n8n gets exactly its own call'
        def call = gateway.vendor('n8n').onlyRequest
        call.requestLine == 'POST /api/v1/executions/1004/retry'
        call.header('X-N8N-API-KEY') == Gateway.VENDOR_KEYS.n8n
        call.body.length == 0
        call.header('Authorization') == null

        and: 'the client gets the unified execution'
        answer.status == 202
        answer.header('Location') == '/v1/executions/n8n/1032'
        answer.json == [vendor: 'n8n', id: '1032', retriedId: '1004', status: 'RUNNING', vendorStatus: 'running',
                        createdAt: null, startedAt: '2026-03-01T08:15:30.123Z', finishedAt: null,
                        workflow: [id: '2tUt1wbLX592XDdX', name: null], failureReason: null, links: EMPTY_LINKS, artifacts: []]
    }

    def "useLatestWorkflow true is sent as {\"loadWorkflow\":true}, false sends no body"() {
        given:
        gateway.vendor('n8n').answer(200, fixture('n8n', 'retry-200.json'))

        when:
        def answer = gateway.retry('n8n', '1004', body)

        then:
        answer.status == 202
        def call = gateway.vendor('n8n').onlyRequest
        call.text == sent
        call.header('Content-Type') == (sent ? 'application/json' : null)

        where:
        body                           || sent
        '{"useLatestWorkflow":true}'   || '{"loadWorkflow":true}'
        '{"useLatestWorkflow":false}'  || ''
        '{}'                           || ''
    }

    def "maxStepsOverride is not n8n's: 400, nothing sent"() {
        when:
        def answer = gateway.retry('n8n', '1004', '{"maxStepsOverride":5}')

        then:
        answer.status == 400
        answer.json.errors == [[location: 'body.maxStepsOverride', message: 'is not supported by this vendor']]
        gateway.vendorCalls == 0
    }

    def "a read is GET /api/v1/executions/{id}; ids the server sends as JSON numbers are read as strings"() {
        given: 'an answer shaped as the published document types it: id, retryOf as numbers'
        gateway.vendor('n8n').answer(200, fixture('n8n', 'get-200.json'))

        when:
        def answer = gateway.get('/v1/executions/n8n/1032')

        then:
        gateway.vendor('n8n').onlyRequest.requestLine == 'GET /api/v1/executions/1032'
        answer.status == 200
        answer.json == [vendor: 'n8n', id: '1032', status: 'COMPLETED', vendorStatus: 'success', createdAt: null,
                        startedAt: '2026-03-01T08:15:30.123Z', finishedAt: '2026-03-01T08:15:41.007Z',
                        workflow: [id: '2tUt1wbLX592XDdX', name: null], failureReason: null, links: EMPTY_LINKS, artifacts: []]
    }

    def "n8n's #vendorStatus {message} on retry is #status #code, outcome #outcome, n8n's words kept"() {
        given:
        gateway.vendor('n8n').answer(vendorStatus, [message: message])

        when:
        def answer = gateway.retry('n8n', '1004')

        then:
        answer.status == status
        answer.header('Content-Type') == 'application/problem+json'
        answer.json.code == code
        answer.json.outcome == outcome
        answer.json.vendor == 'n8n'
        answer.json.vendorHttpStatus == vendorStatus
        answer.json.vendorError == [message: message]
        gateway.vendor('n8n').requests.size() == 1

        where:
        vendorStatus | message                                                                     || status | code                  | outcome
        401          | 'unauthorized'                                                              || 502    | 'VENDOR_AUTH_FAILED'  | 'REJECTED'
        403          | 'Forbidden'                                                                 || 502    | 'VENDOR_FORBIDDEN'    | 'REJECTED'
        404          | 'The execution with the ID "1004" does not exist.'                          || 404    | 'EXECUTION_NOT_FOUND' | 'REJECTED'
        409          | 'Execution is queued to run (not yet started) so it cannot be retried'      || 409    | 'NOT_RETRYABLE'       | 'REJECTED'
        400          | 'The execution succeeded, so it cannot be retried.'                         || 409    | 'NOT_RETRYABLE'       | 'REJECTED'
        500          | 'Internal server error'                                                     || 502    | 'UPSTREAM_ERROR'      | 'UNKNOWN'
    }

    def "through the sandbox: a failed (error) execution is retried into a new one that runs to success"() {
        given:
        SandboxGateway sandbox = new SandboxGateway(Duration.ofMillis(300))
        String failed = sandbox.failedId('n8n')

        when:
        def retried = sandbox.retry('n8n', failed)
        String id = retried.json.id
        Map last = null
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos()
        while ((last == null || last.status != 'COMPLETED') && System.nanoTime() < deadline) {
            last = sandbox.get('n8n', id).json
            sleep(50)
        }

        then:
        failed ==~ /\d+/
        retried.status == 202
        retried.json.retriedId == failed
        retried.json.status == 'RUNNING'
        id ==~ /\d+/ && id != failed
        last.status == 'COMPLETED'
        last.vendorStatus == 'success'
        last.finishedAt != null

        cleanup:
        sandbox?.close()
    }
}
