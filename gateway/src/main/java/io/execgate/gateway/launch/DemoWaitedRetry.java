package io.execgate.gateway.launch;

import io.execgate.sandbox.Sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The demo's own first request, made once it is up: a retry with {@code Prefer: wait=10}, printed with
 * its answer, so a newcomer sees the gateway follow an execution to its end (and, a moment later,
 * the receiver print the signed notification of it).
 */
final class DemoWaitedRetry {
    private DemoWaitedRetry() {
    }

    static void run(String gateway, Sandbox.Simulator simulator) {
        if (simulator == null) {
            return;
        }
        Thread thread = new Thread(() -> send(gateway, simulator), "demo-waited-retry");
        thread.setDaemon(true);
        thread.start();
    }

    private static void send(String gateway, Sandbox.Simulator simulator) {
        String target = gateway + "/v1/executions/" + simulator.vendor() + '/' + simulator.failedExecutionId() + "/retry";
        StringBuilder out = new StringBuilder("A waited retry (the gateway reads the new execution until it ends, at most 10 s):\n")
                .append("  curl -si -X POST -H 'Prefer: wait=10' -H 'Idempotency-Key: demo-wait' ").append(target).append('\n');
        HttpClient http = HttpClient.newHttpClient(); // Java 17: not AutoCloseable; a daemon's one request
        try {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("Prefer", "wait=10")
                    .header("Idempotency-Key", "demo-wait")
                    .timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            out.append(String.format("  -> HTTP %d after %.1f s, Preference-Applied: %s%n  %s%n", answer.statusCode(),
                    (System.nanoTime() - start) / 1e9, answer.headers().firstValue("Preference-Applied").orElse("-"),
                    answer.body()));
        } catch (Exception failed) {
            out.append("  -> failed: ").append(failed.getClass().getSimpleName()).append('\n');
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.print(out);
    }
}
