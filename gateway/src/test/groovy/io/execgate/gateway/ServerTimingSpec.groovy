package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.RawHttp
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * Every answer says where its time went, {@code Server-Timing: vendor;dur=…, gateway;dur=…} in
 * milliseconds, so a caller can tell a slow vendor from a slow gateway.
 */
class ServerTimingSpec extends Specification {
    static final String TIMING = /vendor;dur=(\d+\.\d{3}), gateway;dur=(\d+\.\d{3})/
    /** Each share is rounded to the microsecond, so their sum may exceed the true total by this much (ms). */
    static final BigDecimal ROUNDING = 0.001

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "a retry's vendor time covers the vendor's answer, and the two shares fit in what the caller waited"() {
        given: 'a first call has warmed both ends, so what the caller waits is little more than what the gateway measures'
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        assert gateway.retry('skyvern', 'wr_0').status == 202

        and: 'Skyvern takes 300 ms to answer'
        gateway.vendor('skyvern').answerAfter(300, 200, fixture('skyvern', 'retry-200.json'))

        when: 'the caller times the exchange on the wire (no spec check inside), which encloses all the gateway measured'
        long started = System.nanoTime()
        def answer = gateway.http.send('POST', '/v1/executions/skyvern/wr_1/retry', [Authorization: "Bearer $Gateway.CLIENT_KEY".toString()])
        BigDecimal waited = (System.nanoTime() - started) / 1_000_000
        def timing = timing(answer)

        then:
        answer.status == 202
        timing.vendor >= 300

        and: 'the gateway did work of its own, and it is not the vendor time counted again'
        timing.gateway > 0
        timing.vendor + timing.gateway <= waited + ROUNDING
    }

    def "an answer made without a vendor call shows no vendor time: #what"() {
        when:
        def answer = call(gateway)

        then:
        answer.status == status
        timing(answer).vendor == 0
        gateway.vendorCalls == 0

        where:
        what                 | status | call
        'a rejected body'    | 400    | { Gateway g -> g.retry('skyvern', 'wr_1', '{"maxStepsOverride": "5"}') }
        'an unknown route'   | 404    | { Gateway g -> g.get('/v1/nothing-here') }
        'no client key'      | 401    | { Gateway g -> g.send('POST', '/v1/executions/skyvern/wr_1/retry') }
        'health'             | 200    | { Gateway g -> g.get('/health', [:]) }
    }

    def "a replayed answer shows no vendor time"() {
        given:
        gateway.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json'))
        def key = ['Idempotency-Key': 'timing-1']

        when:
        def first = gateway.retry('kinetic', 'ex-1', null, key)
        def replay = gateway.retry('kinetic', 'ex-1', null, key)

        then:
        replay.header('Idempotent-Replayed') == 'true'
        timing(first).vendor > 0
        timing(replay).vendor == 0
        gateway.vendor('kinetic').requests.size() == 1
    }

    private static Map<String, BigDecimal> timing(RawHttp.Answer answer) {
        def match = answer.header('Server-Timing') =~ TIMING
        assert match.matches()
        [vendor: match.group(1) as BigDecimal, gateway: match.group(2) as BigDecimal]
    }
}
