package io.execgate.gateway.launch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.execgate.gateway.follow.webhook.StandardWebhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's stand-in for a client's webhook receiver: it listens on 127.0.0.1, checks each event's
 * Standard Webhooks signature the way a receiver should, answers 204, and prints one line per event,
 * so a newcomer sees a retried execution's completion notification arrive.
 */
final class DemoWebhookReceiver implements AutoCloseable {
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]*)\"");
    private static final Pattern VENDOR = Pattern.compile("\"vendor\":\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\"data\":\\{\"vendor\":\"[^\"]*\",\"id\":\"([^\"]*)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([^\"]*)\"");

    private final HttpServer server;
    private final String secret;

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
            String text = new String(body, StandardCharsets.UTF_8);
            System.out.printf("Webhook received: %s %s %s %s (webhook-id %s, signature %s)%n", first(TYPE, text),
                    first(VENDOR, text), first(ID, text), first(STATUS, text), id, valid ? "valid" : "INVALID");
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
