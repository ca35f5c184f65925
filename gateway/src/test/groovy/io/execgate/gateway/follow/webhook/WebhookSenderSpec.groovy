package io.execgate.gateway.follow.webhook

import io.execgate.gateway.follow.FollowProperties
import io.execgate.gateway.follow.webhook.WebhookResult.Failure
import io.micronaut.context.ApplicationContext
import io.execgate.gateway.support.WebhookReceiver
import spock.lang.AutoCleanup
import spock.lang.Specification

import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLException
import javax.net.ssl.SSLServerSocket
import javax.net.ssl.SSLSocket
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.security.KeyStore
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * One delivery attempt against a real receiver on 127.0.0.1: what it receives, byte for byte, and
 * how each way of not answering is reported. Private targets are allowed here (the receiver is on
 * loopback) except where the point is that they are not.
 */
class WebhookSenderSpec extends Specification {
    static final String SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    static final byte[] KEY = StandardWebhooks.secretKey(SECRET)
    static final String TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
    static final byte[] BODY = '{"type":"execution.finished","timestamp":"2026-12-06T21:00:00Z","data":{"id":"wr_124","status":"COMPLETED"}}'
            .getBytes(StandardCharsets.UTF_8)

    @AutoCleanup
    Receiver receiver = new Receiver()
    @AutoCleanup('shutdownNow')
    ExecutorService blocking = Executors.newCachedThreadPool()
    List<WebhookSender> senders = []

    def cleanup() {
        senders*.close()
    }

    def "the receiver gets one POST with the body as given, signed per Standard Webhooks"() {
        given:
        long timestamp = 1_796_000_000L

        when:
        WebhookResult result = sender(true).send(receiver.url('/hooks/execgate?tenant=7'), 'evt_8f2c', timestamp, BODY, KEY,
                TRACEPARENT).get(5, TimeUnit.SECONDS)
        Receiver.Request request = receiver.nextRequest()

        then:
        result == new WebhookResult(204, null)
        result.delivered()

        and:
        request.method == 'POST'
        request.target == '/hooks/execgate?tenant=7'
        request.body == BODY
        request.headers['content-type'] == ['application/json']
        request.headers['content-length'] == [BODY.length as String]
        request.headers['webhook-id'] == ['evt_8f2c']
        request.headers['webhook-timestamp'] == ['1796000000']
        request.headers['traceparent'] == [TRACEPARENT]
        request.headers['user-agent'] == ['ExecGate-Webhooks']
        request.headers['host'] == ["127.0.0.1:${receiver.port}".toString()]

        and: 'a receiver holding the secret accepts the signature, computed here without the class under test'
        request.headers['webhook-signature'] == [WebhookReceiver.expectedSignature(SECRET, 'evt_8f2c', '1796000000', request.body)]

        and: 'nothing else a client would not expect: no cookies, no credentials, no upgrade offers'
        request.headers.keySet().intersect(['cookie', 'authorization', 'proxy-authorization', 'upgrade', 'expect']) == [] as Set
        !request.headers.values().flatten().any { it.contains(SECRET.substring(6)) }
        receiver.accepted.get() == 1
        receiver.requests.isEmpty()
    }

    def "without a trace context no traceparent is sent"() {
        when:
        WebhookResult result = sender(true).send(receiver.url('/hook'), 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)

        then:
        result.delivered()
        !receiver.nextRequest().headers.containsKey('traceparent')
    }

    def "an answer #status is reported as it is, delivered only when 2xx"() {
        given:
        receiver.answer = "HTTP/1.1 ${status} Whatever\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno"

        when:
        WebhookResult result = sender(true).send(receiver.url('/hook'), 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)

        then:
        result.status() == status
        result.failure() == null
        result.delivered() == delivered

        where:
        status | delivered
        200    | true
        201    | true
        202    | true
        299    | true
        304    | false
        400    | false
        404    | false
        410    | false
        429    | false
        500    | false
        503    | false
    }

    def "a #status redirect is not followed: one request, the redirect is the answer"() {
        given:
        receiver.answer = "HTTP/1.1 ${status} Moved\r\nLocation: ${receiver.url('/elsewhere')}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

        when:
        WebhookResult result = sender(true).send(receiver.url('/hook'), 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(status, null)
        !result.delivered()
        receiver.nextRequest().target == '/hook'
        receiver.requests.isEmpty()
        receiver.accepted.get() == 1

        where:
        status << [301, 302, 303, 307, 308]
    }

    def "a long answer is not kept: the status is reported and the rest discarded"() {
        given:
        int length = 5 * 1024 * 1024
        receiver.answer = "HTTP/1.1 200 OK\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n" + ('x' * length)

        when:
        WebhookResult result = sender(true).send(receiver.url('/hook'), 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(200, null)
        result.delivered()
    }

    def "a receiver that never answers is a TIMEOUT, within the delivery timeout"() {
        given:
        receiver.answer = null
        WebhookSender sender = sender(true, Duration.ofMillis(300))

        when:
        long started = System.nanoTime()
        WebhookResult result = sender.send(receiver.url('/hook'), 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)

        then:
        result == new WebhookResult(0, Failure.TIMEOUT)
        !result.delivered()
        tookMillis >= 250
        tookMillis < 4_000

        and: 'the request did arrive: this is the receiver being slow, not the network'
        receiver.nextRequest().body == BODY
    }

    def "a port nobody listens on is REFUSED"() {
        given:
        int closedPort = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }

        when:
        WebhookResult result = sender(true).send(URI.create("http://127.0.0.1:${closedPort}/hook"), 'evt_1', 1L, BODY, KEY, null)
                .get(5, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(0, Failure.REFUSED)
        !result.delivered()
    }

    def "without allow-private-targets a receiver at #host is BLOCKED and never even connected to"() {
        when:
        WebhookResult result = sender(false).send(receiver.url('/hook', host), 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(0, Failure.BLOCKED)
        !result.delivered()
        receiver.accepted.get() == 0
        receiver.requests.isEmpty()

        where:
        host << ['127.0.0.1', 'localhost', '[::1]', '[::ffff:127.0.0.1]']
    }

    def "an https receiver is spoken to over TLS, trusted as the JVM trusts: a self-signed certificate gets nothing"() {
        given: 'a TLS receiver on 127.0.0.1 whose certificate (for 127.0.0.1) no trust store holds'
        SSLServerSocket server = selfSignedTlsServer()
        CompletableFuture<String> handshake = CompletableFuture.supplyAsync {
            ((SSLSocket) server.accept()).withCloseable { SSLSocket connection ->
                connection.soTimeout = 10_000
                try {
                    connection.startHandshake()
                    'completed'
                } catch (SSLException refused) {
                    'refused by the sender'
                }
            }
        }

        when:
        WebhookResult result = sender(true).send(URI.create("https://127.0.0.1:${server.localPort}/hook"), 'evt_1', 1L, BODY, KEY, null)
                .get(10, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(0, Failure.ERROR)
        handshake.get(10, TimeUnit.SECONDS) == 'refused by the sender'

        cleanup:
        server?.close()
    }

    def "a host that does not resolve is an ERROR"() {
        when:
        WebhookResult result = sender(true).send(URI.create('http://no-such-host.invalid/hook'), 'evt_1', 1L, BODY, KEY, null)
                .get(5, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(0, Failure.ERROR)
    }

    def "a call that cannot be sent (#why) completes with ERROR instead of throwing"() {
        when:
        WebhookResult result = sender(true).send(url ?: receiver.url('/hook'), id, 1L, body, key, null).get(5, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(0, Failure.ERROR)
        receiver.accepted.get() == 0

        where:
        why                        | url                   | id              | body | key
        'an id with a dot'         | null                  | 'evt.1'         | BODY | KEY
        'an id with a line break'  | null                  | 'evt\r\nX-A: b' | BODY | KEY
        'an empty id'              | null                  | ''              | BODY | KEY
        'no id'                    | null                  | null            | BODY | KEY
        'no body'                  | null                  | 'evt_1'         | null | KEY
        'no key'                   | null                  | 'evt_1'         | BODY | new byte[0]
        'a relative URL'           | URI.create('/hook')   | 'evt_1'         | BODY | KEY
    }

    def "as beans, the targets and the sender take execgate.follow.* and the blocking executor"() {
        given:
        ApplicationContext context = ApplicationContext.run(['execgate.auth.enabled'                : false,
                                                              'execgate.follow.allow-private-targets': true,
                                                              'execgate.follow.delivery-timeout'     : '2s'])

        when:
        URI checked = context.getBean(WebhookTargets).check(receiver.url('/hook').toString(), null).get(5, TimeUnit.SECONDS)
        WebhookResult result = context.getBean(WebhookSender).send(checked, 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)

        then:
        checked == receiver.url('/hook')
        result.delivered()
        receiver.nextRequest().headers['webhook-id'] == ['evt_1']

        cleanup:
        context?.close()
    }

    def "after close, sending completes with ERROR instead of throwing"() {
        given:
        WebhookSender sender = sender(true)
        sender.close()

        when:
        WebhookResult result = sender.send(receiver.url('/hook'), 'evt_1', 1L, BODY, KEY, null).get(5, TimeUnit.SECONDS)

        then:
        result == new WebhookResult(0, Failure.ERROR)
        receiver.accepted.get() == 0
    }

    private WebhookSender sender(boolean allowPrivate, Duration deliveryTimeout = Duration.ofSeconds(5)) {
        FollowProperties properties = new FollowProperties(Duration.ofSeconds(60), Duration.ofHours(24), null, allowPrivate,
                Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofHours(1), deliveryTimeout)
        WebhookSender sender = new WebhookSender(properties, new WebhookTargets(properties, blocking), blocking)
        senders << sender
        sender
    }

    /** A TLS server socket on 127.0.0.1 with a fresh self-signed certificate (made by the JDK's keytool). */
    private static SSLServerSocket selfSignedTlsServer() {
        Path store = Files.createTempDirectory('webhook-tls').resolve('receiver.p12')
        char[] password = 'changeit'.toCharArray()
        Process keytool = new ProcessBuilder(Path.of(System.getProperty('java.home'), 'bin', 'keytool').toString(),
                '-genkeypair', '-keyalg', 'EC', '-groupname', 'secp256r1', '-alias', 'receiver', '-dname', 'CN=127.0.0.1',
                '-ext', 'SAN=ip:127.0.0.1', '-validity', '2', '-storetype', 'PKCS12', '-keystore', store.toString(),
                '-storepass', 'changeit', '-keypass', 'changeit').redirectErrorStream(true).start()
        assert keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0: keytool.inputStream.text
        KeyStore keys = KeyStore.getInstance('PKCS12')
        Files.newInputStream(store).withCloseable { keys.load(it, password) }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.defaultAlgorithm)
        keyManagers.init(keys, password)
        SSLContext tls = SSLContext.getInstance('TLS')
        tls.init(keyManagers.keyManagers, null, null)
        Files.delete(store)
        Files.delete(store.parent)
        (SSLServerSocket) tls.serverSocketFactory.createServerSocket(0, 1, InetAddress.getByName('127.0.0.1'))
    }
}
