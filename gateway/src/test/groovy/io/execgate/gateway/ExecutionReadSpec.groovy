package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/** GET /v1/executions/{vendor}/{id}: the vendor's read operation, where its spec has one. */
class ExecutionReadSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "kaizen: POST /executions/get with the id as JSON; the answer has no retriedId"() {
        given:
        gateway.vendor('kaizen').answer(200, fixture('kaizen', 'get-200.json'))

        when:
        def answer = gateway.get('/v1/executions/kaizen/exec_41')

        then:
        def call = gateway.vendor('kaizen').onlyRequest
        call.requestLine == 'POST /executions/get'
        call.text == '{"id":"exec_41"}'
        call.header('Authorization') == "Bearer ${Gateway.VENDOR_KEYS.kaizen}"

        answer.status == 200
        answer.json == [vendor: 'kaizen', id: 'exec_41', status: 'FAILED', vendorStatus: 'Failed', createdAt: null,
                        startedAt: '2026-03-01T08:00:00Z', finishedAt: null, workflow: [id: 'wf_7', name: 'Invoice download'],
                        failureReason: null, links: [app: null, liveView: null, recording: null, output: null, logs: null],
                        artifacts: []]
    }

    def "kaizen ids travel as JSON strings, escaped: '#raw' is sent as #json"() {
        given:
        gateway.vendor('kaizen').answer(200, fixture('kaizen', 'retry-200-flat.json'))

        when:
        gateway.retry('kaizen', raw)

        then:
        gateway.vendor('kaizen').onlyRequest.text == json

        where:
        raw                  || json
        '12345'              || '{"id":"12345"}'
        'a%22b%5Cc'          || '{"id":"a\\"b\\\\c"}'
        '%7B%22id%22%3A1%7D' || '{"id":"{\\"id\\":1}"}'
        '%C3%A9'             || '{"id":"é"}'
    }

    def "skyvern: GET /v1/runs/{run_id}"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json', [status: 'completed']))

        when:
        def answer = gateway.get('/v1/executions/skyvern/wr_124?include=vendorData')

        then:
        gateway.vendor('skyvern').onlyRequest.requestLine == 'GET /v1/runs/wr_124'
        answer.status == 200
        answer.json.status == 'COMPLETED'
        !answer.json.containsKey('retriedId')
        answer.json.vendorData.run_id == 'wr_124'
    }

    def "algapsa: GET /api/v1/automation/executions/{id} with the tenant; a non-UUID is a 400 before any call"() {
        given:
        gateway.vendor('algapsa').answer(200, fixture('algapsa', 'retry-200.json', ['data.status': 'failed', 'data.error_message': 'step 2 failed']))

        when:
        def answer = gateway.get('/v1/executions/algapsa/3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098')

        then:
        def call = gateway.vendor('algapsa').onlyRequest
        call.requestLine == 'GET /api/v1/automation/executions/3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'
        call.header('x-tenant-id') == Gateway.TENANT
        answer.json.status == 'FAILED'
        answer.json.failureReason == 'step 2 failed'

        when:
        gateway.clearVendors()
        def bad = gateway.get('/v1/executions/algapsa/nope')

        then:
        bad.status == 400
        gateway.vendorCalls == 0
    }

    def "a read the vendor answers 404 is EXECUTION_NOT_FOUND"() {
        given:
        gateway.vendor('skyvern').answer(404, '{"detail":"Run not found"}')

        expect:
        gateway.get('/v1/executions/skyvern/wr_9').json.code == 'EXECUTION_NOT_FOUND'
    }
}
