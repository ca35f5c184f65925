package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/** A retry each vendor accepts: the exact call the vendor receives and the exact answer the caller gets. */
class RetryAcceptedSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "kaizen: the id travels as JSON with the bearer key, the nested answer shape is unwrapped"() {
        given:
        gateway.vendor('kaizen').answer(200, fixture('kaizen', 'retry-200.json'))

        when:
        def answer = gateway.retry('kaizen', 'exec_41')

        then:
        def call = gateway.vendor('kaizen').onlyRequest
        call.requestLine == 'POST /executions/retry'
        call.header('Authorization') == "Bearer ${Gateway.VENDOR_KEYS.kaizen}"
        call.header('Content-Type') == 'application/json'
        call.text == '{"id":"exec_41"}'

        answer.status == 202
        answer.header('Content-Type') == 'application/json'
        answer.header('Location') == '/v1/executions/kaizen/exec_new_42'
        answer.json == [
                vendor       : 'kaizen', id: 'exec_new_42', retriedId: 'exec_41',
                status       : 'QUEUED', vendorStatus: 'Enqueued',
                createdAt    : null, startedAt: '2026-03-01T08:15:30Z', finishedAt: null,
                workflow     : [id: 'wf_7', name: 'Invoice download'],
                failureReason: null,
                links        : [app: null, liveView: 'https://live.kaizen.test/exec_new_42', recording: null, output: null, logs: null],
                artifacts    : [[kind: 'download', url: 'https://files.kaizen.test/f_1', name: 'invoice.pdf', sizeBytes: 48213]]]
    }

    def "kaizen: the flat answer shape maps the same way"() {
        given:
        gateway.vendor('kaizen').answer(200, fixture('kaizen', 'retry-200-flat.json'))

        when:
        def answer = gateway.retry('kaizen', 'exec_41')

        then:
        answer.status == 202
        answer.json.id == 'exec_new_43'
        answer.json.status == 'RUNNING'
        answer.json.vendorStatus == 'InProgress'
        answer.json.startedAt == '2026-03-01T08:15:30Z'
        answer.json.artifacts == []
    }

    def "kinetic: the id is one path segment, the key goes in X-Kinetic-Key, 201 becomes 202"() {
        given:
        gateway.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json'))

        when:
        def answer = gateway.retry('kinetic', 'ex-1')

        then:
        def call = gateway.vendor('kinetic').onlyRequest
        call.requestLine == 'POST /api/executions/ex-1/retry'
        call.header('X-Kinetic-Key') == Gateway.VENDOR_KEYS.kinetic
        call.body.length == 0

        answer.status == 202
        answer.header('Location') == null // Kinetic's spec has no read operation: a Location would lead to a 501
        answer.json == [
                vendor       : 'kinetic', id: '5b0a4f6e-9a41-4b3e-8f2c-6d1e2a3b4c5d', retriedId: 'ex-1',
                status       : 'QUEUED', vendorStatus: 'queued',
                createdAt    : '2026-03-01T08:15:30.123456Z', startedAt: null, finishedAt: null,
                workflow     : [id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', name: 'Claims intake'],
                failureReason: null,
                links        : [app: null, liveView: null, recording: 'https://cdn.kinetic.test/v/5b0a.mp4', output: null,
                                logs: 'https://cdn.kinetic.test/l/5b0a.txt'],
                artifacts    : []]
    }

    def "algapsa: x-api-key plus the configured x-tenant-id; the retried execution keeps its id"() {
        given:
        gateway.vendor('algapsa').answer(200, fixture('algapsa', 'retry-200.json'))

        when:
        def answer = gateway.retry('algapsa', '3F2C1B0A-9E8D-4C7B-A6F5-E4D3C2B1A098')

        then:
        def call = gateway.vendor('algapsa').onlyRequest
        call.requestLine == 'POST /api/v1/automation/executions/3F2C1B0A-9E8D-4C7B-A6F5-E4D3C2B1A098/retry'
        call.header('x-api-key') == Gateway.VENDOR_KEYS.algapsa
        call.header('x-tenant-id') == Gateway.TENANT

        answer.status == 202
        answer.header('Location') == '/v1/executions/algapsa/3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'
        answer.json == [
                vendor       : 'algapsa', id: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098',
                retriedId    : '3F2C1B0A-9E8D-4C7B-A6F5-E4D3C2B1A098',
                status       : 'QUEUED', vendorStatus: 'pending',
                createdAt    : null, startedAt: '2026-03-01T08:15:30Z', finishedAt: null,
                workflow     : [id: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', name: null],
                failureReason: null,
                links        : [app: null, liveView: null, recording: null, output: null, logs: null],
                artifacts    : []]
    }

    def "skyvern: x-api-key, maxStepsOverride as x-max-steps-override, downloads then screenshots"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))

        when:
        def answer = gateway.retry('skyvern', 'wr_123', [maxStepsOverride: 25])

        then:
        def call = gateway.vendor('skyvern').onlyRequest
        call.requestLine == 'POST /v1/agents/runs/wr_123/retry'
        call.header('x-api-key') == Gateway.VENDOR_KEYS.skyvern
        call.header('x-max-steps-override') == '25'

        answer.status == 202
        answer.header('Location') == '/v1/executions/skyvern/wr_124'
        answer.json == [
                vendor       : 'skyvern', id: 'wr_124', retriedId: 'wr_123',
                status       : 'QUEUED', vendorStatus: 'queued',
                createdAt    : '2026-03-01T08:15:30.123456Z', startedAt: null, finishedAt: null,
                workflow     : [id: 'wpid_1', name: 'Invoice download'],
                failureReason: null,
                links        : [app: 'https://app.skyvern.com/runs/wr_124', liveView: null,
                                recording: 'https://files.skyvern.test/rec.webm', output: null, logs: null],
                artifacts    : [[kind: 'download', url: 'https://files.skyvern.test/a.pdf', name: 'a.pdf', sizeBytes: 123],
                                [kind: 'screenshot', url: 'https://files.skyvern.test/s2.png', name: null, sizeBytes: null],
                                [kind: 'screenshot', url: 'https://files.skyvern.test/s1.png', name: null, sizeBytes: null]]]
    }

    def "skyvern gets x-max-steps-override only when asked: body #body.inspect() sends #steps"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))

        when:
        def answer = gateway.retry('skyvern', 'wr_123', body)

        then:
        answer.status == 202
        gateway.vendor('skyvern').onlyRequest.header('x-max-steps-override') == steps

        where: 'no body, {} and null are all fine, and so is white space around the one JSON value'
        body                              || steps
        null                              || null
        '{}'                              || null
        'null'                            || null
        '{"maxStepsOverride":null}'       || null
        ' {"maxStepsOverride": 5} '       || '5'
        '{"maxStepsOverride": 5}\r\n'     || '5'
        '\t{"maxStepsOverride":5}\n\n'    || '5'
    }

    def "a JSON body with a charset parameter is read as JSON"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))

        when:
        def answer = gateway.retry('skyvern', 'wr_123', '{"maxStepsOverride":3}', ['Content-Type': 'application/json; charset=utf-8'])

        then:
        answer.status == 202
        gateway.vendor('skyvern').onlyRequest.header('x-max-steps-override') == '3'
    }

    def "vendorData carries the vendor's raw execution object only when asked for"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))

        expect:
        !gateway.retry('skyvern', 'wr_123').json.containsKey('vendorData')
        gateway.retry('skyvern', 'wr_123', null, [:], '?include=vendorData').json.vendorData.run_request.title == 'Invoice download'
    }

    def "a vendor time without an offset is UTC; others are converted to UTC"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json',
                [created_at: createdAt, started_at: startedAt]))

        when:
        def json = gateway.retry('skyvern', 'wr_123').json

        then:
        json.createdAt == expectedCreated
        json.startedAt == expectedStarted

        where:
        createdAt                   | startedAt                   || expectedCreated        | expectedStarted
        '2026-01-01T00:00:00'       | null                        || '2026-01-01T00:00:00Z' | null
        '2026-01-01T02:30:00+02:30' | '2026-01-01T00:00:05.5Z'    || '2026-01-01T00:00:00Z' | '2026-01-01T00:00:05.5Z'
        '2025-12-31T19:00:00-05:00' | '2026-01-01T00:00:00+00:00' || '2026-01-01T00:00:00Z' | '2026-01-01T00:00:00Z'
    }
}
