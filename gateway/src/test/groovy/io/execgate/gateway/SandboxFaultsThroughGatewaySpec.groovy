package io.execgate.gateway

import io.execgate.sandbox.Sandbox
import io.execgate.gateway.support.SandboxGateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/**
 * Every sandbox fault, end to end: the simulator misbehaves once (a fault set for exactly one call)
 * and the gateway's answer is the contract's. The fault being used up, with the gateway's answer
 * still the failure, shows the gateway called the vendor exactly once: a re-send would have
 * reached the healthy vendor.
 */
class SandboxFaultsThroughGatewaySpec extends Specification {
    @Shared
    @AutoCleanup
    SandboxGateway gateway = new SandboxGateway(Duration.ofSeconds(1))

    def cleanup() {
        gateway.reset()
    }

    def "#vendor with fault '#fault' answers #status #code (outcome #outcome)"() {
        given:
        gateway.fault(vendor, fault)

        when:
        def answer = gateway.retry(vendor, gateway.failedId(vendor))

        then:
        answer.status == status
        answer.json.code == code
        answer.json.outcome == outcome
        check(answer)
        gateway.faults(vendor) == []

        where:
        vendor    | fault          || status | code               | outcome    | check
        'skyvern' | 'status=500'   || 502    | 'UPSTREAM_ERROR'   | 'UNKNOWN'  | { it.json.vendor == 'skyvern' && it.json.vendorError == [error: 'Unexpected error: Simulated fault: HTTP 500'] }
        'algapsa' | 'status=503'   || 502    | 'UPSTREAM_ERROR'   | 'UNKNOWN'  | { it.json.vendorHttpStatus == 503 }
        'algapsa' | 'rate-limit=7' || 429    | 'RATE_LIMITED'     | 'REJECTED' | { it.header('Retry-After') == '7' && it.json.retryable == true }
        'kaizen'  | 'html-502'     || 502    | 'UPSTREAM_ERROR'   | 'UNKNOWN'  | { (it.json.vendorError as String).contains('502 Bad Gateway') }
        'kinetic' | 'empty'        || 502    | 'UPSTREAM_ERROR'   | 'UNKNOWN'  | { it.json.vendorHttpStatus == 201 && it.json.vendorError == '' }
        'skyvern' | 'malformed'    || 502    | 'UPSTREAM_ERROR'   | 'UNKNOWN'  | { (it.json.vendorError as String).startsWith('{"run_id":"wr_') }
        'algapsa' | 'wrong-type'   || 502    | 'UPSTREAM_ERROR'   | 'UNKNOWN'  | { it.json.vendorError.data.status == [value: 'pending'] }
        'skyvern' | 'drop'         || 502    | 'UPSTREAM_ERROR'   | 'UNKNOWN'  | { !it.json.containsKey('vendorHttpStatus') }
        'kaizen'  | 'latency=1500' || 504    | 'UPSTREAM_TIMEOUT' | 'UNKNOWN'  | { !it.json.retryable && !it.json.containsKey('vendorHttpStatus') }
    }

    def "an unseen status from #vendor is accepted as UNKNOWN, with the vendor's word kept"() {
        given:
        gateway.fault(vendor, 'unseen-status')

        when:
        def answer = gateway.retry(vendor, gateway.failedId(vendor))

        then:
        answer.status == 202
        answer.json.status == 'UNKNOWN'
        answer.json.vendorStatus == 'teleporting'

        where:
        vendor << Sandbox.DEFAULT_PORTS.keySet()
    }

    def "a slow vendor within the read timeout is only slower"() {
        given:
        gateway.fault('skyvern', 'latency=300')

        when:
        def answer = gateway.retry('skyvern', gateway.failedId('skyvern'))

        then:
        answer.status == 202
        answer.json.vendorStatus == 'created'
    }
}
