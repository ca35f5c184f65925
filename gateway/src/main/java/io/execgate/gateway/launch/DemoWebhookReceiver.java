package io.execgate.gateway.launch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.execgate.api.model.Execution;
import io.execgate.api.model.WebhookEvent;
import io.execgate.gateway.follow.webhook.StandardWebhooks;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The demo's stand-in for a client's webhook receiver: it listens on 127.0.0.1, checks each event's
 * Standard Webhooks signature the way a receiver should, answers 204, and prints one line per event,
 * so a newcomer sees a retried execution's completion notification arrive.
 */
final class DemoWebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String secret;
    private volatile JsonMapper json;

    private DemoWebhookReceiver(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret;
    }

    /** Starts on a free loopback port with a fresh secret. */
    static DemoWebhookReceiver start() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            DemoWebhookReceiver receiver = new DemoWebhookReceiver(server, secret);
            server.setExecutor(Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "demo-webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("the demo's webhook receiver could not start", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/execgate";
    }

    /** Reads events with the gateway's own JSON mapper, once the gateway has started. */
    void readingWith(JsonMapper json) {
        this.json = json;
    }

    /** The secret the demo's client signs with (a fresh one per run; nothing else knows it). */
    String secret() {
        return secret;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(1 << 20);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = id != null && timestamp != null && signature != null && timestamp.matches("\\d{1,12}")
                    && StandardWebhooks.sign(StandardWebhooks.secretKey(secret), id, Long.parseLong(timestamp), body)
                    .equals(signature);
            System.out.printf("Webhook received: %s (webhook-id %s, signature %s)%n", describe(body), id,
                    valid ? "valid" : "INVALID");
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        }
    }

    /** The event as one line: its type, and the execution's vendor, id and status. */
    private String describe(byte[] body) {
        JsonMapper reader = json;
        try {
            WebhookEvent event = reader == null ? null : reader.readValue(body, WebhookEvent.class);
            if (event == null || event.getData() == null) {
                return "an event the demo cannot read";
            }
            Execution execution = event.getData();
            return event.getType().getValue() + " " + execution.getVendor() + " " + execution.getId() + " "
                    + execution.getStatus();
        } catch (IOException | RuntimeException unreadable) {
            return "an event the demo cannot read";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
