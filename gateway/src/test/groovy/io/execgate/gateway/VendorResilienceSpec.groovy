package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static io.execgate.gateway.support.Gateway.fixture

/**
 * Per-vendor protection: a circuit that opens after consecutive failures and answers 503 without
 * calling, a trial call after the open period, and a cap on calls in flight. Every refusal is
 * {@code NOT_SENT}, so the caller may send again.
 */
class VendorResilienceSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway([
            'execgate.vendors.skyvern.breaker-failures'   : 3,
            'execgate.vendors.skyvern.breaker-open-for'   : '1s',
            'execgate.vendors.algapsa.max-concurrent-calls': 2])

    static final String UUID = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'

    def setup() {
        gateway.clearVendors()
        resetCircuit()
    }

    def "three failed calls in a row open Skyvern's circuit: the fourth is 503 without a call, and /health says OPEN"() {
        given:
        gateway.vendor('skyvern').answer(500, [error: 'Unexpected error: db down'])

        when:
        def failures = (1..3).collect { gateway.retry('skyvern', "wr_$it") }
        def refused = gateway.retry('skyvern', 'wr_4')

        then:
        failures*.status == [502, 502, 502]
        refused.status == 503
        refused.json.code == 'UPSTREAM_UNAVAILABLE'
        refused.json.outcome == 'NOT_SENT'
        refused.json.retryable == true
        refused.json.detail.contains('circuit is open')
        gateway.vendor('skyvern').requests.size() == 3
        health().skyvern == [configured: true, circuit: 'OPEN']
    }

    def "after the open period one trial call goes through; its success closes the circuit"() {
        given:
        openSkyvernCircuit()
        gateway.vendor('skyvern').clear().answer(200, fixture('skyvern', 'retry-200.json'))

        when:
        Thread.sleep(1_200)
        def trial = gateway.retry('skyvern', 'wr_123')

        then:
        trial.status == 202
        gateway.vendor('skyvern').requests.size() == 1
        health().skyvern.circuit == 'CLOSED'
    }

    def "a failed trial call opens the circuit again"() {
        given:
        openSkyvernCircuit()
        Thread.sleep(1_200)

        when:
        def trial = gateway.retry('skyvern', 'wr_5')
        def next = gateway.retry('skyvern', 'wr_6')

        then:
        trial.status == 502
        next.status == 503
        gateway.vendor('skyvern').requests.size() == 4
    }

    def "answers that show the vendor alive (#status) never open the circuit"() {
        given:
        gateway.vendor('skyvern').answer(status, [detail: 'no'])

        when:
        def answers = (1..5).collect { gateway.retry('skyvern', "wr_$it") }

        then:
        answers.every { it.status == expected }
        gateway.vendor('skyvern').requests.size() == 5
        health().skyvern.circuit == 'CLOSED'

        where:
        status || expected
        404    || 404
        400    || 409
        403    || 502
    }

    def "a third concurrent call to AlgaPSA (limit 2) is refused at once with 503, nothing sent"() {
        given:
        gateway.vendor('algapsa').answerAfter(1_000, 200, fixture('algapsa', 'retry-200.json'))
        def pool = Executors.newFixedThreadPool(3)

        when:
        def answers = (1..3).collect { pool.submit({ gateway.retry('algapsa', UUID) } as Callable) }
                .collect { it.get(20, TimeUnit.SECONDS) }

        then:
        answers.count { it.status == 202 } == 2
        def refused = answers.find { it.status == 503 }
        refused.json.code == 'UPSTREAM_UNAVAILABLE'
        refused.json.outcome == 'NOT_SENT'
        refused.json.detail.contains('Too many calls')
        gateway.vendor('algapsa').requests.size() == 2

        cleanup:
        pool.shutdownNow()
    }

    def "/health lists every vendor, configured or not, with no key and no vendor call"() {
        when:
        def answer = gateway.get('/health', [:])

        then:
        answer.status == 200
        answer.json.status == 'UP'
        answer.json.vendors.keySet() == Gateway.VENDORS as Set
        answer.json.vendors.values().every { it.configured && it.circuit in ['CLOSED', 'OPEN', 'HALF_OPEN'] }
        gateway.vendorCalls == 0
    }

    private void openSkyvernCircuit() {
        gateway.vendor('skyvern').answer(500, [error: 'Unexpected error: db down'])
        3.times { gateway.retry('skyvern', "wr_open_$it") }
        assert health().skyvern.circuit == 'OPEN'
    }

    /** Features share one gateway: wait out an open circuit and close it with a successful trial. */
    private void resetCircuit() {
        if (health().skyvern.circuit == 'CLOSED') {
            return
        }
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5)
        while (health().skyvern.circuit != 'CLOSED' && System.nanoTime() < deadline) {
            gateway.retry('skyvern', 'wr_reset')
            Thread.sleep(100)
        }
        assert health().skyvern.circuit == 'CLOSED'
        gateway.clearVendors()
    }

    private Map health() {
        gateway.get('/health', [:]).json.vendors as Map
    }
}
