package io.execgate.gateway.launch;

import io.execgate.adapter.Operation;
import io.execgate.gateway.Application;
import io.execgate.gateway.VendorRegistry;
import io.execgate.gateway.exchange.ClientKeys;
import io.execgate.sandbox.Sandbox;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway with the vendor sandbox in the same process: every vendor pointed at its simulator
 * (loopback, free ports, fresh keys nobody needs to see), the gateway on 127.0.0.1, and a printed
 * list of things to try.
 */
public final class Demo {
    private Demo() {
    }

    /**
     * @param command            the launcher command ({@code demo}, or {@code run} with no vendor configured)
     * @param args               command-line options for the gateway
     * @param reason             the first line printed: why the sandbox is running
     * @param clientsConfigured  whether client keys are configured (then auth stays as configured)
     */
    public static void start(String command, String[] args, String reason, boolean clientsConfigured) {
        Sandbox sandbox = StandaloneSandbox.startOrExit(
                Sandbox.Options.embedded(LaunchSettings.duration("execgate.sandbox.step", "1s")));

        Map<String, Object> properties = new LinkedHashMap<>(sandbox.gatewayProperties());
        properties.put("micronaut.server.host", LaunchSettings.setting("micronaut.server.host", "127.0.0.1"));
        boolean auth = clientsConfigured;
        DemoWebhookReceiver receiver = null;
        if (!auth) {
            // nobody has a key to present: the contract's one case for auth off, and only on loopback by default
            properties.put("execgate.auth.enabled", false);
            // every retry of the demo's (anonymous) caller is followed, and its completion sent to a receiver here
            receiver = DemoWebhookReceiver.start();
            String client = "execgate.clients." + ClientKeys.ANONYMOUS.name();
            properties.put(client + ".webhook-url", receiver.url());
            properties.put(client + ".webhook-secret", receiver.secret());
            properties.put("execgate.follow.allow-private-targets", true);
        }
        ApplicationContext gateway = Application.startGateway(command, args, properties);
        EmbeddedServer server = gateway.getBean(EmbeddedServer.class);
        if (receiver != null) {
            receiver.readingWith(gateway.getBean(JsonMapper.class));
        }
        long startedMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(DemoGuide.text(reason, server.getURL().toString(), sandbox, auth, startedMillis,
                receiver == null ? null : receiver.url()));
        if (receiver != null) {
            DemoWaitedRetry.run(server.getURL().toString(), followable(gateway, sandbox));
        }
    }

    /**
     * The simulator the demo's own waited retry goes to: the last one whose vendor can be read (and so
     * followed). The guide's lines retry each vendor's failed execution too; this one carries its own
     * Idempotency-Key, so neither replays the other.
     */
    private static Sandbox.Simulator followable(ApplicationContext gateway, Sandbox sandbox) {
        VendorRegistry vendors = gateway.getBean(VendorRegistry.class);
        Sandbox.Simulator chosen = null;
        for (Sandbox.Simulator simulator : sandbox.simulators()) {
            if (vendors.find(simulator.vendor()).map(v -> v.adapter().operations().contains(Operation.GET)).orElse(false)) {
                chosen = simulator;
            }
        }
        return chosen;
    }
}
