package io.execgate.gateway

import io.execgate.gateway.support.FollowFixture
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.OtlpCollector
import io.execgate.gateway.support.OtlpCollector.Span
import io.execgate.gateway.support.RedisServer
import io.execgate.gateway.support.TestTraffic
import io.execgate.gateway.support.WebhookReceiver
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * Tracing (OpenTelemetry): a server span per gateway request, a client span per vendor call, the
 * W3C {@code traceparent} passed on to the vendor, and spans exported only when the standard
 * {@code otel.*} properties switch an exporter on.
 */
class TracingSpec extends Specification {
    static final String CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736'
    static final String CLIENT_SPAN = '00f067aa0ba902b7'
    static final String TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/
    static final String WEBHOOK_SECRET = 'whsec_' + Base64.encoder.encodeToString('tracing-webhook-Secret-0014-bytes'.bytes)

    @Shared @AutoCleanup OtlpCollector collector = new OtlpCollector()
    @Shared @AutoCleanup Gateway gateway = new Gateway(exporting())

    def setup() {
        gateway.clearVendors()
        collector.clear()
    }

    def "the caller's trace continues through the gateway to the vendor"() {
        given:
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))

        when:
        def answer = gateway.retry('skyvern', 'wr_traced_1', null, [traceparent: "00-$CLIENT_TRACE-$CLIENT_SPAN-01".toString()])
        def sent = gateway.vendor('skyvern').onlyRequest.header('traceparent')
        def spans = collector.awaitSpans(2, 10)
        def server = spans.find { it.kind == Span.SERVER }
        def vendorCall = spans.find { it.kind == Span.CLIENT }

        then: 'the vendor is called in the caller trace, from the gateway span of that call'
        answer.status == 202
        (sent =~ TRACEPARENT).matches()
        (sent =~ TRACEPARENT)[0][1] == CLIENT_TRACE
        (sent =~ TRACEPARENT)[0][2] == vendorCall.spanId

        and: 'the request span is a child of the caller span, the vendor call a child of the request span'
        server.traceId == CLIENT_TRACE
        server.parentSpanId == CLIENT_SPAN
        server.name == 'POST /v1/executions/{vendor}/{executionId:[^/]+}/retry'  // the route as the gateway declares it
        vendorCall.traceId == CLIENT_TRACE
        vendorCall.parentSpanId == server.spanId
        vendorCall.name.startsWith('POST')
        vendorCall.attributes['http.response.status_code'] == 200
    }

    def "a completion notification is a span of the retry's trace, and its request carries that span as traceparent"() {
        given:
        TestTraffic.secrets([WEBHOOK_SECRET])
        def receiver = new WebhookReceiver()
        def notifying = new Gateway(exporting() + ['execgate.clients.ci.webhook-secret'   : WEBHOOK_SECRET,
                                                   'execgate.follow.allow-private-targets': true])
        new FollowFixture('skyvern').script(notifying.vendor('skyvern'), ['finished'])

        when:
        notifying.retry('skyvern', 'wr_123', [notify: [url: receiver.url()]],
                [traceparent: "00-$CLIENT_TRACE-$CLIENT_SPAN-01".toString()])
        def sent = receiver.await(1, 20).first().header('traceparent')
        def delivery = awaitSpan(notifying, 'webhook delivery', 10) // it ends once the receiver's answer is in

        then:
        delivery.kind == Span.CLIENT
        delivery.traceId == CLIENT_TRACE
        delivery.attributes['http.response.status_code'] == 200
        (sent =~ TRACEPARENT)[0][1] == CLIENT_TRACE
        (sent =~ TRACEPARENT)[0][2] == delivery.spanId

        cleanup:
        notifying?.close()
        receiver?.close()
    }

    def "a keyed retry through Redis: the vendor call is still made from the request span"() {
        given: 'Redis answers on its own threads, where the request context is not current'
        def redis = new RedisServer()
        def shared = new Gateway(exporting() + ['execgate.idempotency.redis-uri': redis.uri])
        shared.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))

        when:
        def answer = shared.retry('skyvern', 'wr_traced_keyed', null,
                [traceparent: "00-$CLIENT_TRACE-$CLIENT_SPAN-01".toString(), 'Idempotency-Key': 'traced-1'])
        def sent = shared.vendor('skyvern').onlyRequest.header('traceparent')
        def spans = collector.awaitSpans(2, 10)
        def server = spans.find { it.kind == Span.SERVER }
        def vendorCall = spans.find { it.kind == Span.CLIENT }

        then:
        answer.status == 202
        server.traceId == CLIENT_TRACE
        vendorCall.traceId == CLIENT_TRACE
        vendorCall.parentSpanId == server.spanId
        (sent =~ TRACEPARENT)[0][2] == vendorCall.spanId

        cleanup:
        shared?.close()
        redis?.close()
    }

    def "without a caller trace the gateway starts one and the vendor gets it"() {
        given:
        gateway.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json'))

        when:
        gateway.retry('kinetic', 'ex-traced-2')
        def sent = gateway.vendor('kinetic').onlyRequest.header('traceparent')
        def spans = collector.awaitSpans(2, 10)

        then:
        (sent =~ TRACEPARENT).matches()
        spans*.traceId.unique() == [(sent =~ TRACEPARENT)[0][1]]
        spans.find { it.kind == Span.SERVER }.parentSpanId == null
    }

    def "a request refused before any vendor call has its span and no vendor span"() {
        when:
        def answer = gateway.retry('kaizen', 'exec_untraced', '{"reason": ')
        collector.awaitSpans(1, 10)
        gateway.flushSpans(10) // every span ended by now is at the collector
        def spans = collector.spans

        then:
        answer.status == 400
        gateway.vendorCalls == 0
        spans.size() == 1
        spans[0].kind == Span.SERVER
        spans[0].attributes['http.response.status_code'] == 400
    }

    def "probes and scrapes make no spans; exported spans carry no key"() {
        given:
        gateway.vendor('algapsa').answer(200, fixture('algapsa', 'retry-200.json'))

        when:
        gateway.http.send('GET', '/health/liveness', [:])
        gateway.http.send('GET', '/prometheus', [:])
        gateway.retry('algapsa', Gateway.TENANT)
        collector.awaitSpans(2, 10)
        gateway.flushSpans(10) // every span ended by now, a probe's included, is at the collector
        def spans = collector.spans
        def exported = collector.exports.collect { new String(it.body, 'ISO-8859-1') }.join()

        then:
        spans*.kind.sort() == [Span.SERVER, Span.CLIENT] // the retry's two; a probe's or a scrape's would be a third
        spans.every { !it.name.contains('health') && !it.name.contains('prometheus') }
        absent(exported, [Gateway.CLIENT_KEY] + (Gateway.VENDOR_KEYS.values() as List))
    }

    def "no span leaves the process unless an exporter is chosen"() {
        given: 'the collector address is known, but otel.traces.exporter is not set'
        def quiet = new OtlpCollector()
        def untraced = new Gateway(
                'otel.exporter.otlp.protocol': 'http/protobuf',
                'otel.exporter.otlp.traces.endpoint': quiet.tracesUrl,
                'otel.bsp.schedule.delay': '50')
        untraced.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json'))

        when:
        untraced.retry('kinetic', 'ex-untraced-3')
        untraced.flushSpans(10) // were there an exporter, the vendor call's span (ended before the answer) would now be out

        then: 'the vendor still gets a traceparent (a trace id to quote to the vendor), nothing is exported'
        (untraced.vendor('kinetic').onlyRequest.header('traceparent') =~ TRACEPARENT).matches()
        quiet.exports.isEmpty()

        cleanup:
        untraced?.close()
        quiet?.close()
    }

    /** A gateway that exports its spans to the collector. */
    /** Flushes and looks until a span named {@code name} is at the collector, for at most {@code seconds}. */
    private Span awaitSpan(Gateway from, String name, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L
        while (System.nanoTime() < deadline) {
            from.flushSpans(seconds)
            Span found = collector.spans.find { it.name == name }
            if (found != null) {
                return found
            }
            Thread.sleep(20)
        }
        assert false: "no span '$name' reached the collector within ${seconds}s"
    }

    private Map<String, Object> exporting() {
        ['otel.traces.exporter'              : 'otlp',
         'otel.exporter.otlp.protocol'       : 'http/protobuf',
         'otel.exporter.otlp.traces.endpoint': collector.tracesUrl,
         'otel.bsp.schedule.delay'           : '50']
    }

    /** Fails naming only how many: a failure message must not print a key. */
    private static void absent(String text, List<String> values) {
        int found = values.count { text.contains(it) }
        assert found == 0: "$found configured key(s) appear in the exported spans"
    }
}
