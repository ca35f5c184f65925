package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * {@code /prometheus}: answers by vendor, operation, status, code and outcome; vendor-call latency
 * and request-duration histograms; circuit state; idempotency replays; JVM meters. Never an id or a
 * key as a label.
 */
class MetricsSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "answers are counted by vendor, operation, status, code and outcome"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        gateway.vendor('kinetic').answer(404, [detail: 'Not Found'])

        when:
        gateway.retry('skyvern', 'wr_metrics_1')
        gateway.retry('kinetic', 'ex-metrics-2')
        def scrape = scrape()

        then:
        scrape.contains('execgate_requests_total{code="none",operation="retry",outcome="none",replayed="false",status="202",vendor="skyvern"} 1.0')
        scrape.contains('execgate_requests_total{code="EXECUTION_NOT_FOUND",operation="retry",outcome="REJECTED",replayed="false",status="404",vendor="kinetic"} 1.0')
    }

    def "vendor calls have a latency histogram by vendor and answer status, and circuits a state"() {
        given:
        gateway.vendor('algapsa').answer(200, fixture('algapsa', 'retry-200.json'))

        when:
        gateway.retry('algapsa', Gateway.TENANT)
        def scrape = scrape()

        then:
        scrape =~ /(?m)^execgate_vendor_calls_seconds_bucket\{status="200",vendor="algapsa",le="[0-9.]+"} 1$/
        scrape =~ /(?m)^execgate_vendor_calls_seconds_count\{status="200",vendor="algapsa"} 1$/
        scrape =~ /(?m)^execgate_vendor_circuit\{state="CLOSED",vendor="algapsa"} 1(\.0)?$/
        scrape =~ /(?m)^execgate_vendor_circuit\{state="OPEN",vendor="algapsa"} 0(\.0)?$/
    }

    def "a replayed answer is counted as a replay"() {
        given:
        gateway.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json'))
        def key = ['Idempotency-Key': 'metrics-replay']

        when:
        gateway.retry('kinetic', 'ex-metrics-3', null, key)
        gateway.retry('kinetic', 'ex-metrics-3', null, key)
        def scrape = scrape()

        then:
        scrape.contains('execgate_idempotency_replays_total{operation="retry",vendor="kinetic"} 1.0')
        scrape.contains('execgate_requests_total{code="none",operation="retry",outcome="none",replayed="true",status="202",vendor="kinetic"} 1.0')
    }

    def "a request's time in the gateway has a histogram by vendor, operation and outcome"() {
        given:
        gateway.vendor('skyvern').answer(500, [detail: 'boom'])

        when:
        gateway.retry('skyvern', 'wr_metrics_5')
        gateway.get('/v1/executions/skyvern/wr_metrics_5')
        def scrape = scrape()

        then: "the gateway's own meter, and not a second per-request meter of the framework"
        scrape =~ /(?m)^execgate_request_duration_seconds_bucket\{operation="retry",outcome="UNKNOWN",vendor="skyvern",le="[0-9.]+"} 1$/
        scrape =~ /(?m)^execgate_request_duration_seconds_count\{operation="get",outcome="UNKNOWN",vendor="skyvern"} 1$/
        !scrape.contains('http_server_requests')
        !scrape.contains('http_client_requests')
    }

    def "JVM meters are there; ids, keys and unknown vendor names are not"() {
        when:
        gateway.retry('acme-corp-secret-name', 'exec-metrics-id-4')
        def scrape = scrape()

        then:
        scrape.contains('jvm_memory_used_bytes')
        scrape.contains('execgate_requests_total{code="UNKNOWN_VENDOR",operation="retry",outcome="NOT_SENT",replayed="false",status="404",vendor="unknown"}')
        absent(scrape, ['acme-corp-secret-name', 'wr_metrics_1', 'ex-metrics-2', 'exec-metrics-id-4', Gateway.CLIENT_KEY]
                + (Gateway.VENDOR_KEYS.values() as List))
    }

    /** Fails naming only how many: a failure message must not print a key. */
    private static void absent(String text, List<String> values) {
        int found = values.count { text.contains(it) }
        if (found) {
            throw new AssertionError("$found id or key value(s) appear in /prometheus")
        }
    }

    private String scrape() {
        def answer = gateway.http.send('GET', '/prometheus', [:])
        assert answer.status == 200
        answer.body
    }
}
