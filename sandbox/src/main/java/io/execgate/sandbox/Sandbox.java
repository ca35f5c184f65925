package io.execgate.sandbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts vendor simulators, each in a Micronaut context of its own on its own port, and stops them.
 * A simulator context holds only the sandbox's beans for that vendor (the gateway's and the
 * adapters' packages require {@code execgate.sandbox.vendor} to be unset), so the sandbox can run
 * inside the gateway's JVM.
 */
public final class Sandbox implements AutoCloseable {

    /** The vendors the sandbox simulates, with the port each listens on by default ({@link SimulatedVendor}). */
    public static final Map<String, Integer> DEFAULT_PORTS = SimulatedVendors.defaultPorts();

    private final List<Simulator> simulators;

    private Sandbox(List<Simulator> simulators) {
        this.simulators = List.copyOf(simulators);
    }

    /**
     * A running simulator: where it listens and the key it accepts.
     *
     * @param vendor  the vendor's name, as the gateway's config names it
     * @param url     the base URL to configure as {@code execgate.vendors.<vendor>.url}
     * @param apiKey  the one key it accepts
     * @param context its application context
     */
    public record Simulator(String vendor, URI url, String apiKey, ApplicationContext context) {

        /** The id of an execution that has failed ({@link VendorBehaviour#failedStatus()}), for examples. */
        public String failedExecutionId() {
            Instant now = Instant.now();
            String failed = context.getBean(VendorBehaviour.class).failedStatus();
            return context.getBean(ExecutionBook.class).all().stream()
                    .filter(e -> failed.equalsIgnoreCase(e.status(now)))
                    .map(SandboxExecution::id)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(vendor + " has no failed execution"));
        }

        @Override
        public String toString() {
            return "Simulator[" + vendor + " at " + url + "]";
        }
    }

    /**
     * How to start the simulators.
     *
     * @param host  the address to listen on
     * @param ports vendor → port (0: any free port)
     * @param keys  vendor → the key it accepts
     * @param step  how long a retried execution stays in each status
     */
    public record Options(String host, Map<String, Integer> ports, Map<String, String> keys, Duration step) {

        /** Loopback, any free ports, fresh random keys: for a sandbox only the gateway talks to. */
        public static Options embedded(Duration step) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, String> keys = new LinkedHashMap<>();
            DEFAULT_PORTS.keySet().forEach(vendor -> {
                ports.put(vendor, 0);
                keys.put(vendor, randomKey());
            });
            return new Options("127.0.0.1", ports, keys, step);
        }

        /** The documented ports and keys ({@code sandbox-<vendor>-key}): for teams testing their own clients. */
        public static Options standalone(String host, Duration step) {
            Map<String, String> keys = new LinkedHashMap<>();
            DEFAULT_PORTS.keySet().forEach(vendor -> keys.put(vendor, "sandbox-" + vendor + "-key"));
            return new Options(host, DEFAULT_PORTS, keys, step);
        }

        @Override
        public String toString() {
            return "Options[host=" + host + ", ports=" + ports + ", step=" + step + "]"; // never the keys
        }
    }

    /** Starts one simulator per vendor in {@code options.ports()}, in parallel; all or none. */
    public static Sandbox start(Options options) {
        List<CompletableFuture<Simulator>> starting = new ArrayList<>();
        options.ports().forEach((vendor, port) -> starting.add(CompletableFuture.supplyAsync(
                () -> startOne(vendor, port, options.keys().get(vendor), options))));
        List<Simulator> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<Simulator> future : starting) {
            try {
                started.add(future.join());
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            started.forEach(s -> s.context().close());
            throw failure;
        }
        return new Sandbox(started);
    }

    private static Simulator startOne(String vendor, int port, String apiKey, Options options) {
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .banner(false)
                .properties(Map.of(
                        SimulatorSettings.VENDOR, vendor,
                        SimulatorSettings.API_KEY, apiKey,
                        SimulatorSettings.STEP, options.step().toMillis() + "ms",
                        "micronaut.application.name", "sandbox-" + vendor,
                        "micronaut.server.host", options.host(),
                        "micronaut.server.port", port))
                .start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            URI url = URI.create("http://" + hostForUrl(options.host()) + ":" + server.getPort());
            return new Simulator(vendor, url, apiKey, context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    public List<Simulator> simulators() {
        return simulators;
    }

    public Simulator simulator(String vendor) {
        return simulators.stream().filter(s -> s.vendor().equals(vendor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulator for " + vendor));
    }

    /**
     * The gateway properties that point every vendor at its simulator.
     * They carry the simulators' keys: hand them to a context, never to a log.
     */
    public Map<String, Object> gatewayProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        simulators.forEach(s -> {
            properties.put("execgate.vendors." + s.vendor() + ".url", s.url().toString());
            properties.put("execgate.vendors." + s.vendor() + ".api-key", s.apiKey());
        });
        return properties;
    }

    @Override
    public void close() {
        simulators.forEach(s -> s.context().close());
    }

    private static String hostForUrl(String host) {
        String h = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        return h.contains(":") ? "[" + h + "]" : h;
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "sbx_" + HexFormat.of().formatHex(bytes);
    }
}
