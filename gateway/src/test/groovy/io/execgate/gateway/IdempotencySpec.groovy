package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Narrative
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static io.execgate.gateway.support.Gateway.fixture

/**
 * {@code Idempotency-Key}: the first request's final answer is kept per client and key and replayed
 * byte for byte; the vendor is called once.
 */
@Narrative('Sent twice, a customer workflow runs twice: a client that re-sends with the same key gets the first answer again.')
class IdempotencySpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "the same key twice: one vendor call, the first answer replayed byte for byte with a new request id"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        def key = [('Idempotency-Key'): 'replay-1']

        when:
        def first = gateway.retry('skyvern', 'wr_123', null, key)
        def second = gateway.retry('skyvern', 'wr_123', null, key)

        then:
        gateway.vendor('skyvern').requests.size() == 1
        first.status == 202
        second.status == 202
        second.body == first.body
        second.header('Location') == first.header('Location')
        second.header('Content-Type') == first.header('Content-Type')
        second.header('Idempotent-Replayed') == 'true'
        first.header('Idempotent-Replayed') == null
        second.header('X-Request-Id') != first.header('X-Request-Id')
    }

    def "a vendor's #code is replayed as it was, its first request id and Retry-After included"() {
        given:
        gateway.vendor('algapsa').answer(status, body, headers)
        def key = [('Idempotency-Key'): "problem-$code".toString()]
        def id = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'

        when:
        def first = gateway.retry('algapsa', id, null, key)
        def second = gateway.retry('algapsa', id, null, key)

        then:
        gateway.vendor('algapsa').requests.size() == 1
        first.json.code == code
        second.status == first.status
        second.body == first.body
        second.json.requestId == first.header('X-Request-Id')
        second.header('X-Request-Id') != first.header('X-Request-Id')
        second.header('Retry-After') == first.header('Retry-After')
        second.header('Idempotent-Replayed') == 'true'

        where:
        status | body                                                        | headers              || code
        409    | [error: [code: 'CONFLICT', message: 'not failed']]          | [:]                  || 'NOT_RETRYABLE'
        429    | [error: [code: 'RATE_LIMITED', message: 'slow down']]       | ['Retry-After': '9'] || 'RATE_LIMITED'
        500    | [error: [code: 'INTERNAL_ERROR', message: 'boom']]          | [:]                  || 'UPSTREAM_ERROR'
    }

    def "a timeout (outcome UNKNOWN) is kept too: the vendor may have acted, so it is not called again"() {
        given:
        gateway.vendor('kaizen').hang(3_000)
        def key = [('Idempotency-Key'): 'timeout-1']

        when:
        def first = gateway.retry('kaizen', 'exec_1', null, key)
        def second = gateway.retry('kaizen', 'exec_1', null, key)

        then:
        first.status == 504
        second.status == 504
        second.body == first.body
        gateway.vendor('kaizen').requests.size() == 1
    }

    def "the same key for a different #what is 422 IDEMPOTENCY_KEY_REUSED, and nothing is sent"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        gateway.vendor('kaizen').answer(200, fixture('kaizen', 'retry-200.json'))
        def key = [('Idempotency-Key'): "reuse-$what".toString()]
        gateway.retry('skyvern', 'wr_123', [maxStepsOverride: 5], key)
        gateway.clearVendors()

        when:
        def again = gateway.retry(vendor, id, body, key, query)

        then:
        again.status == 422
        again.json.code == 'IDEMPOTENCY_KEY_REUSED'
        again.json.outcome == 'NOT_SENT'
        again.header('Idempotent-Replayed') == null
        gateway.vendorCalls == 0

        where:
        what      | vendor    | id       | body                   | query
        'id'      | 'skyvern' | 'wr_124' | [maxStepsOverride: 5]  | ''
        'body'    | 'skyvern' | 'wr_123' | [maxStepsOverride: 6]  | ''
        'no body' | 'skyvern' | 'wr_123' | null                   | ''
        'vendor'  | 'kaizen'  | 'wr_123' | null                   | ''
        'include' | 'skyvern' | 'wr_123' | [maxStepsOverride: 5]  | '?include=vendorData'
    }

    def "while the first is running, the same key is 409 IDEMPOTENCY_IN_PROGRESS (retryable)"() {
        given:
        gateway.vendor('skyvern').hang(1_500)
        def key = [('Idempotency-Key'): 'in-flight-1']
        def pool = Executors.newSingleThreadExecutor()

        when:
        def first = pool.submit({ gateway.retry('skyvern', 'wr_9', null, key) } as Callable)
        gateway.vendor('skyvern').awaitRequest(5)
        def second = gateway.retry('skyvern', 'wr_9', null, key)

        then:
        second.status == 409
        second.json.code == 'IDEMPOTENCY_IN_PROGRESS'
        second.json.retryable == true
        second.json.outcome == 'NOT_SENT'
        first.get(10, TimeUnit.SECONDS).json.outcome == 'UNKNOWN' // the fake closes after 1.5 s without answering
        gateway.vendor('skyvern').requests.size() == 1

        cleanup:
        pool.shutdownNow()
    }

    def "20 concurrent requests with one key: one vendor call; the others replay or are told it is in flight"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        def key = [('Idempotency-Key'): 'race-1']
        def pool = Executors.newFixedThreadPool(20)

        when:
        def answers = (1..20).collect { pool.submit({ gateway.retry('skyvern', 'wr_123', null, key) } as Callable) }
                .collect { it.get(20, TimeUnit.SECONDS) }

        then:
        gateway.vendor('skyvern').requests.size() == 1
        answers.count { it.status == 202 && it.header('Idempotent-Replayed') == null } == 1
        answers.every { it.status == 202 || it.json.code == 'IDEMPOTENCY_IN_PROGRESS' }

        cleanup:
        pool.shutdownNow()
    }

    def "an answer the vendor never saw is not kept: the same key may be sent again"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        def key = [('Idempotency-Key'): 'not-sent-1']

        when: 'the first is refused before any vendor call'
        def first = gateway.retry('skyvern', 'wr_123', [maxStepsOverride: '5'], key)
        def second = gateway.retry('skyvern', 'wr_123', [maxStepsOverride: 5], key)

        then:
        first.status == 400
        second.status == 202
        second.header('Idempotent-Replayed') == null
        gateway.vendor('skyvern').requests.size() == 1
    }

    def "keys belong to a client: another client's same key is its own request"() {
        given:
        gateway.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json'))
        def key = 'shared-key'

        when:
        def ci = gateway.retry('kinetic', 'ex-1', null, ['Idempotency-Key': key])
        def limited = gateway.send('POST', '/v1/executions/kinetic/ex-1/retry',
                [Authorization: "Bearer ${Gateway.LIMITED_CLIENT_KEY}".toString(), 'Idempotency-Key': key])

        then:
        ci.status == 202
        limited.status == 202
        limited.header('Idempotent-Replayed') == null
        gateway.vendor('kinetic').requests.size() == 2
    }
}
