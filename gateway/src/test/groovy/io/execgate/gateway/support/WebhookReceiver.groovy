package io.execgate.gateway.support

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonSlurper

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.nio.charset.StandardCharsets
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * A client's webhook receiver on 127.0.0.1: records every request as it arrived (no deduplication: each
 * attempt counts) and answers with scripted statuses, the last one again and again. Verifies Standard Webhooks
 * signatures with its own implementation of the scheme, not the gateway's.
 */
class WebhookReceiver implements Closeable {
    static class Received {
        String method
        String path
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
        String body
        long arrivedNanos

        String header(String name) { headers[name] }

        Object getJson() { new JsonSlurper().parseText(body) }
    }

    private final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 200)
    final Queue<Received> received = new ConcurrentLinkedQueue<>()
    private volatile Queue<Map> script = new ConcurrentLinkedQueue<>()
    private volatile Map last = [status: 200]

    WebhookReceiver() {
        server.executor = Executors.newFixedThreadPool(8)
        server.createContext('/') { HttpExchange exchange -> serve(exchange) }
        server.start()
    }

    String url(String path = '/hooks/execgate') { "http://127.0.0.1:${server.address.port}$path" }

    /** Answers with these reactions in order ({@code [status:, headers:]}), the last one for every request after. */
    WebhookReceiver answer(Map... reactions) {
        script = new ConcurrentLinkedQueue<>(reactions.toList())
        last = reactions.last()
        this
    }

    WebhookReceiver clear() {
        received.clear()
        answer([status: 200])
    }

    /** Waits (at most {@code seconds}) for {@code wanted} requests; fails when fewer came. */
    List<Received> await(int wanted, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (received.size() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(10)
        }
        assert received.size() >= wanted: "${received.size()} of $wanted webhook requests arrived within ${seconds}s"
        received as List
    }

    /**
     * Whether {@code r} carries a valid Standard Webhooks signature for {@code secret}: {@link #expectedSignature}
     * among the space-separated signatures of its {@code webhook-signature}.
     */
    static boolean signedWith(Received r, String secret) {
        String expected = expectedSignature(secret, r.header('webhook-id'), r.header('webhook-timestamp'),
                r.body.getBytes(StandardCharsets.UTF_8))
        r.header('webhook-signature')?.split(' ')?.any { it == expected }
    }

    /**
     * The signature a receiver computes, per the Standard Webhooks specification and with nothing of the gateway's
     * code: {@code v1,} and the base64 HMAC-SHA256, keyed by the base64 after {@code whsec_}, of
     * {@code <id>.<timestamp>.<body>}.
     */
    static String expectedSignature(String secret, String id, Object timestamp, byte[] body) {
        Mac mac = Mac.getInstance('HmacSHA256')
        mac.init(new SecretKeySpec(Base64.decoder.decode(secret.substring('whsec_'.length())), 'HmacSHA256'))
        mac.update("${id}.${timestamp}.".toString().getBytes(StandardCharsets.UTF_8))
        'v1,' + Base64.encoder.encodeToString(mac.doFinal(body))
    }

    private void serve(HttpExchange exchange) {
        def r = new Received(method: exchange.requestMethod, path: exchange.requestURI.rawPath,
                body: new String(exchange.requestBody.readAllBytes(), StandardCharsets.UTF_8), arrivedNanos: System.nanoTime())
        exchange.requestHeaders.each { name, values -> r.headers[name] = values.first() }
        Map reaction = script.poll() ?: last
        received << r
        (reaction.headers ?: [:]).each { k, v -> exchange.responseHeaders.add(k as String, v as String) }
        exchange.sendResponseHeaders(reaction.status as int, -1)
        exchange.close()
    }

    @Override
    void close() {
        server.stop(0)
        (server.executor as java.util.concurrent.ExecutorService).shutdownNow()
    }
}
