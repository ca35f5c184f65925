package io.execgate.gateway.n8n

import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.SandboxGateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

import static io.execgate.gateway.support.Gateway.fixture

/**
 * n8n through the unified endpoint, beyond what the shared specs run from its fixtures (its accepted
 * retries, below its document's server path /api/v1 with X-N8N-API-KEY: vendors/n8n/retry-accepted.yaml,
 * RetryAcceptedSpec; its rows of the error table: vendors/n8n/retry-errors.yaml, VendorErrorSpec, with
 * specs/vendors/n8n.overlay.yaml citing the server code behind each; its status column:
 * vendors/n8n/status-column.json, StatusTableSpec): an option that is not n8n's, a read, and the simulator end to end.
 */
class N8nSpec extends Specification {
    static final Map EMPTY_LINKS = [app: null, liveView: null, recording: null, output: null, logs: null]

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

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
