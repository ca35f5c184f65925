package io.execgate.gateway.follow

import io.execgate.gateway.support.FollowFixture
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.TestTraffic
import io.execgate.gateway.support.WebhookReceiver
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

/**
 * Completion notifications (unified-api.md, "Follow-through"): once the retried execution ends, the client's
 * receiver gets one {@code execution.finished} event, signed per the Standard Webhooks specification, at least
 * once. The receiver here is real (HTTP on 127.0.0.1, which {@code allow-private-targets} lets through) and
 * checks signatures with its own implementation of the scheme.
 */
class WebhookDeliverySpec extends Specification {
    static final String SECRET = 'whsec_' + Base64.encoder.encodeToString('webhook-Secret-0009-of-the-ci-client'.bytes)
    static final String NO_SECRET_KEY = 'client-nosecret-Secret-0010'

    @Shared @AutoCleanup WebhookReceiver receiver = new WebhookReceiver()
    @Shared @AutoCleanup WebhookReceiver elsewhere = new WebhookReceiver()
    @Shared @AutoCleanup Gateway gateway = new Gateway([
            'execgate.clients.ci.webhook-secret'          : SECRET,
            'execgate.clients.nosecret.api-key'           : NO_SECRET_KEY,
            'execgate.follow.allow-private-targets'       : true,
            'execgate.follow.delivery-backoff'            : '100ms',
            'execgate.follow.delivery-backoff-max'        : '400ms'])

    def setupSpec() {
        TestTraffic.secrets([SECRET, NO_SECRET_KEY])
    }

    def setup() {
        gateway.clearVendors()
        receiver.clear()
        elsewhere.clear()
    }

    def "#vendor: one execution.finished event, signed, with the final execution and nothing secret"() {
        given:
        def follow = new FollowFixture(vendor).script(gateway.vendor(vendor), ['running', 'finished'])

        when:
        def answer = gateway.retry(vendor, follow.retryId, [notify: [url: receiver.url()]])
        def event = receiver.await(1, 20).first()

        then:
        answer.status == 202
        receiver.received.size() == 1
        event.method == 'POST'
        event.path == '/hooks/execgate'
        event.header('Content-Type') == 'application/json'
        event.header('webhook-id') ==~ /msg_[0-9a-f]{32}/
        Math.abs((event.header('webhook-timestamp') as long) - Instant.now().epochSecond) < 60
        WebhookReceiver.signedWith(event, SECRET)

        and: 'the body is the event, with the execution as a read answers it, plus the id that was retried'
        event.json.keySet() == ['type', 'timestamp', 'data'] as Set
        event.json.type == 'execution.finished'
        Instant.parse(event.json.timestamp as String)
        event.json.data.vendor == vendor
        event.json.data.status == follow.finishedStatus
        event.json.data.retriedId == follow.retryId
        event.json.data.id == answer.json.id
        !event.json.data.containsKey('vendorData')

        and:
        [event.body, event.headers.toString()].every { text -> !(Gateway.VENDOR_KEYS.values() + [Gateway.CLIENT_KEY, SECRET]).any { text.contains(it) } }

        where:
        vendor << FollowFixture.followable()
    }

    def "a receiver that fails three times and then answers 200 gets four attempts of one event, each signed"() {
        given:
        receiver.answer([status: 500], [status: 503], [status: 404], [status: 200])
        new FollowFixture('skyvern').script(gateway.vendor('skyvern'), ['finished'])

        when:
        gateway.retry('skyvern', 'wr_123', [notify: [url: receiver.url()]])
        def attempts = receiver.await(4, 20)

        then:
        attempts.size() == 4
        attempts*.header('webhook-id').unique().size() == 1
        attempts*.body.unique().size() == 1
        attempts.every { WebhookReceiver.signedWith(it, SECRET) }
    }

    def "a redirect is not followed: it is a failed attempt, tried again at the same URL"() {
        given:
        receiver.answer([status: 302, headers: [Location: elsewhere.url('/stolen')]], [status: 200])
        new FollowFixture('skyvern').script(gateway.vendor('skyvern'), ['finished'])

        when:
        gateway.retry('skyvern', 'wr_123', [notify: [url: receiver.url()]])
        def attempts = receiver.await(2, 20)

        then:
        attempts*.path == ['/hooks/execgate', '/hooks/execgate']
        elsewhere.received.isEmpty()
    }

    def "with the client's default webhook-url, a retry without notify is notified there"() {
        given:
        Gateway withDefault = new Gateway(['execgate.clients.ci.webhook-secret'   : SECRET,
                                           'execgate.clients.ci.webhook-url'      : receiver.url('/default'),
                                           'execgate.follow.allow-private-targets': true])
        new FollowFixture('skyvern').script(withDefault.vendor('skyvern'), ['finished'])

        when:
        def answer = withDefault.retry('skyvern', 'wr_123')
        def event = receiver.await(1, 20).first()

        then:
        answer.status == 202
        event.path == '/default'
        WebhookReceiver.signedWith(event, SECRET)

        cleanup:
        withDefault?.close()
    }

    def "a client's default webhook-url that is no safe target now does not stop its retries: they go on, unnotified"() {
        given: 'the default points at loopback, which this gateway does not allow (checked per retry: DNS can change)'
        Gateway strict = new Gateway(['execgate.clients.ci.webhook-secret': SECRET,
                                      'execgate.clients.ci.webhook-url'   : 'https://127.0.0.1:9/hooks'])
        new FollowFixture('skyvern').script(strict.vendor('skyvern'), ['finished'])

        when:
        def answer = strict.retry('skyvern', 'wr_123')

        then:
        answer.status == 202
        strict.vendor('skyvern').requests.size() == 1

        cleanup:
        strict?.close()
    }

    def "an execution not over within watch-for is reported as execution.watch_expired with the latest state"() {
        given:
        Gateway shortWatch = new Gateway(['execgate.clients.ci.webhook-secret'   : SECRET,
                                          'execgate.follow.allow-private-targets': true,
                                          'execgate.follow.watch-for'            : '2s'])
        new FollowFixture('skyvern').script(shortWatch.vendor('skyvern'), ['running'])

        when:
        shortWatch.retry('skyvern', 'wr_123', [notify: [url: receiver.url()]])
        def event = receiver.await(1, 20).first()

        then:
        event.json.type == 'execution.watch_expired'
        event.json.data.status == 'RUNNING'

        cleanup:
        shortWatch?.close()
    }

    def "Prefer: wait and notify together: the waited answer and the event agree"() {
        given:
        new FollowFixture('n8n').script(gateway.vendor('n8n'), ['running', 'finished'])

        when:
        def answer = gateway.retry('n8n', '1004', [notify: [url: receiver.url()]], [Prefer: 'wait=10'])
        def event = receiver.await(1, 20).first()

        then:
        answer.status == 200
        event.json.data == answer.json
    }

    def "#what is refused with 400 before the vendor is called"() {
        when:
        def answer = refusing.retry('skyvern', 'wr_123', [notify: [url: url]], key == null ? [:] : [Authorization: "Bearer $key".toString()])

        then:
        answer.status == 400
        answer.json.code == 'INVALID_REQUEST'
        answer.json.outcome == 'NOT_SENT'
        answer.json.errors*.location == [location]
        refusing.vendorCalls == 0

        where:
        what                                  | url                              | key           || location
        'a loopback target'                   | 'https://127.0.0.1/hook'         | null          || 'body.notify.url'
        'localhost'                           | 'https://localhost:8443/hook'    | null          || 'body.notify.url'
        'a private address'                   | 'https://10.1.2.3/hook'          | null          || 'body.notify.url'
        'the cloud metadata address'          | 'https://169.254.169.254/latest' | null          || 'body.notify.url'
        'plain http'                          | 'http://hooks.example.com/a'     | null          || 'body.notify.url'
        'a client without a webhook secret'   | 'https://hooks.example.com/a'    | NO_SECRET_KEY || 'body.notify'
    }

    def "notify for a vendor without a read operation is 501, nothing sent"() {
        when:
        def answer = gateway.retry('kinetic', 'ex-1', [notify: [url: receiver.url()]])

        then:
        answer.status == 501
        answer.json.code == 'OPERATION_NOT_SUPPORTED'
        gateway.vendorCalls == 0
    }

    def "notify: #body is a 400"() {
        when:
        def answer = gateway.retry('skyvern', 'wr_123', body)

        then:
        answer.status == 400
        answer.json.errors*.location == [location]
        gateway.vendorCalls == 0

        where:
        body                                           || location
        [notify: 'https://hooks.example.com']          || 'body.notify'
        [notify: [:]]                                  || 'body.notify.url'
        [notify: [url: 42]]                            || 'body.notify.url'
        [notify: [url: '/relative']]                   || 'body.notify.url'
        [notify: [url: 'https://h.example.com', x: 1]] || 'body.notify.x'
    }

    def "deliveries are counted by outcome, and watches while they last"() {
        given:
        receiver.answer([status: 500], [status: 200])
        new FollowFixture('skyvern').script(gateway.vendor('skyvern'), ['finished'])

        when:
        gateway.retry('skyvern', 'wr_123', [notify: [url: receiver.url()]])
        receiver.await(2, 20)
        String metrics = awaitMetric(/execgate_webhook_deliveries_total\{outcome="delivered",?\} [1-9]/)

        then:
        metrics =~ /execgate_webhook_deliveries_total\{outcome="failed",?\} [1-9]/
        metrics =~ /execgate_watches_active(\{\})? 0/
    }

    @Shared @AutoCleanup Gateway refusing = new Gateway([
            'execgate.clients.ci.webhook-secret'       : SECRET,
            'execgate.clients.nosecret.api-key'        : NO_SECRET_KEY])

    private String awaitMetric(String pattern) {
        long deadline = System.nanoTime() + 10_000_000_000L
        String text = ''
        while (System.nanoTime() < deadline) {
            text = gateway.send('GET', '/prometheus').body
            if (text =~ pattern) {
                return text
            }
            Thread.sleep(50)
        }
        assert text =~ pattern
        text
    }
}
