package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.micronaut.tracing.opentelemetry.instrument.util.OpenTelemetryExclusionsConfiguration
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * With no OpenTelemetry exporter (the default) no span is made, yet vendors still get a W3C
 * {@code traceparent}: the caller's trace continued, or a fresh one. {@link TracingSpec} covers the
 * gateway with an exporter.
 */
class UnrecordedTracingSpec extends Specification {
    static final String TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() {
        gateway.clearVendors()
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
    }

    def "no span is made: OpenTelemetry's HTTP filters pass every request and vendor call by"() {
        given:
        def exclusions = gateway.server.applicationContext.getBean(OpenTelemetryExclusionsConfiguration).exclusionTest()

        expect:
        ['/v1/executions/skyvern/wr_1/retry', '/v1/agents/runs/wr_1/retry', '/health'].every { exclusions.test(it) }
    }

    def "the caller's trace continues to the vendor with its flags, from a parent id of the gateway's"() {
        when:
        gateway.retry('skyvern', 'wr_trace_1', null, [traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-$flags".toString()])
        def sent = (gateway.vendor('skyvern').onlyRequest.header('traceparent') =~ TRACEPARENT)

        then:
        sent.matches()
        sent[0][1] == '4bf92f3577b34da6a3ce929d0e0e4736'
        sent[0][2] != '00f067aa0ba902b7'
        sent[0][2] != '0000000000000000'
        sent[0][3] == flags

        where:
        flags << ['01', '00']
    }

    def "a request without a valid traceparent starts a new trace: #given"() {
        when:
        gateway.retry('skyvern', 'wr_trace_2', null, given == null ? [:] : [traceparent: given])
        gateway.retry('skyvern', 'wr_trace_3', null, given == null ? [:] : [traceparent: given])
        def sent = gateway.vendor('skyvern').requests*.header('traceparent').collect { (it =~ TRACEPARENT) }

        then: 'each request its own trace, sampled, none of the caller'
        sent.every { it.matches() && it[0][3] == '01' && it[0][1] != '0' * 32 }
        sent[0][0][1] != sent[1][0][1]
        given == null || sent.every { !given.contains(it[0][1]) }

        where:
        given << [null,
                  '00-00000000000000000000000000000000-00f067aa0ba902b7-01', // trace id all zeros
                  '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', // uppercase
                  '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', // parent id all zeros
                  'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
                  '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7']
    }
}
