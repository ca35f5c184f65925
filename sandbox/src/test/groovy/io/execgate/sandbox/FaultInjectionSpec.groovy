package io.execgate.sandbox

import groovy.json.JsonSlurper
import io.execgate.sandbox.support.SandboxSpecification

/**
 * Faults on demand, per call ({@code X-Sandbox-Fault}) or set through the admin API. Faults that
 * stand in for the vendor change nothing at the vendor; faults that spoil its answer come after it
 * acted, as with a real broken vendor.
 */
class FaultInjectionSpec extends SandboxSpecification {

    def "'#fault' at #vendor answers #http instead of the vendor, and nothing is retried"() {
        given:
        def calls = calls(vendor)
        def (method, path, body) = retryCall(vendor)
        int before = executions(vendor)

        when:
        def answer = calls.raw(method, path, body, auth(vendor) + ['X-Sandbox-Fault': fault])

        then:
        answer.status == http
        answer.header('Content-Type').startsWith(type)
        check(answer)
        executions(vendor) == before

        where:
        vendor    | fault          || http | type        | check
        'skyvern' | 'status=503'   || 503  | 'application/json' | { it.json == [error: 'Unexpected error: Simulated fault: HTTP 503'] }
        'algapsa' | 'status=500'   || 500  | 'application/json' | { it.json == [error: [code: 'INTERNAL_ERROR', message: 'Simulated fault: HTTP 500']] }
        'kinetic' | 'status=422'   || 422  | 'application/json' | { it.json.detail[0].msg == 'Simulated fault: HTTP 422' }
        'kaizen'  | 'status=500'   || 500  | 'application/json' | { it.json == [message: 'Simulated fault: HTTP 500'] }
        'algapsa' | 'rate-limit=7' || 429  | 'application/json' | { it.header('Retry-After') == '7' && it.json.error.code == 'RATE_LIMITED' }
        'skyvern' | 'rate-limit'   || 429  | 'application/json' | { it.header('Retry-After') == '2' }
        'kaizen'  | 'html-502'     || 502  | 'text/html'        | { it.body.contains('<h1>502 Bad Gateway</h1>') }
    }

    def "'#fault' spoils Skyvern's answer after the retry happened"() {
        given:
        def calls = calls('skyvern')
        def (method, path, body) = retryCall('skyvern')
        int before = executions('skyvern')

        when:
        def answer = calls.raw(method, path, body, auth('skyvern') + ['X-Sandbox-Fault': fault])

        then:
        answer.status == 200
        check(answer.body)
        executions('skyvern') == before + 1

        where:
        fault           | check
        'empty'         | { it == '' }
        'malformed'     | { it.startsWith('{"run_id":"wr_') && !parses(it) }
        'wrong-type'    | { new JsonSlurper().parseText(it).status == [value: 'created'] }
        'unseen-status' | { new JsonSlurper().parseText(it).status == 'teleporting' }
    }

    def "'latency' delays the vendor's own answer"() {
        given:
        def (method, path, body) = retryCall('algapsa')

        when:
        long started = System.nanoTime()
        def answer = calls('algapsa').raw(method, path, body, auth('algapsa') + ['X-Sandbox-Fault': 'latency=400ms'])
        long tookMillis = (System.nanoTime() - started).intdiv(1_000_000)

        then:
        answer.status == 200
        answer.json.data.status == 'pending'
        tookMillis >= 400 // a lower bound is the behaviour itself, not a performance claim
    }

    def "'drop' closes the connection without an answer, before the vendor acts"() {
        given:
        def (method, path, body) = retryCall('skyvern')
        int before = executions('skyvern')

        when:
        calls('skyvern').raw(method, path, body, auth('skyvern') + ['X-Sandbox-Fault': 'drop'])

        then:
        thrown(IOException)
        executions('skyvern') == before
    }

    def "a fault set through the admin API applies to the next #times calls, then the vendor answers again"() {
        given:
        def calls = calls('skyvern')
        def (method, path, body) = retryCall('skyvern')

        when:
        def set = calls.raw('POST', '/_sandbox/faults', """{"fault":"status=500","times":$times}""")
        def statuses = (1..times + 1).collect { calls.raw(method, path, body, auth('skyvern')).status }

        then:
        set.status == 201
        set.json == [[fault: 'status=500', remaining: times]]
        statuses == [500] * times + [200]
        calls.raw('GET', '/_sandbox/faults').json == []

        where:
        times << [1, 3]
    }

    def "a fault without 'times' lasts until it is cleared"() {
        given:
        def calls = calls('kaizen')
        def (method, path, body) = retryCall('kaizen')
        calls.raw('POST', '/_sandbox/faults', '{"fault":"html-502"}')

        expect:
        (1..3).every { calls.raw(method, path, body, auth('kaizen')).status == 502 }

        when:
        def cleared = calls.raw('DELETE', '/_sandbox/faults')

        then:
        cleared.status == 204
        calls.raw(method, path, body, auth('kaizen')).status == 200
    }

    def "an unknown fault is a 400 naming the modes, from the header or the admin API"() {
        when:
        def (method, path, body) = retryCall('skyvern')
        def viaHeader = calls('skyvern').raw(method, path, body, auth('skyvern') + ['X-Sandbox-Fault': 'explode'])
        def viaAdmin = calls('skyvern').raw('POST', '/_sandbox/faults', '{"fault":"status=99"}')

        then:
        viaHeader.status == 400
        viaHeader.body.startsWith("unknown sandbox fault 'explode'; known: [latency=")
        viaAdmin.status == 400
        viaAdmin.body == 'status needs a number from 200 to 599'
        executions('skyvern') == 9
    }

    private List retryCall(String vendor) {
        def failed = calls(vendor).idsByStatus().find { it.key?.equalsIgnoreCase('failed') }.value
        io.execgate.sandbox.support.VendorCalls.retryCall(vendor, failed)
    }

    private Map<String, String> auth(String vendor) {
        io.execgate.sandbox.support.VendorCalls.credentials(sandbox.simulator(vendor), sandbox.simulator(vendor).apiKey())
    }

    private int executions(String vendor) {
        calls(vendor).raw('GET', '/_sandbox/executions').json.size()
    }

    private static boolean parses(String text) {
        try {
            new JsonSlurper().parseText(text)
            true
        } catch (ignored) {
            false
        }
    }
}
