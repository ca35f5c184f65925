package io.execgate.gateway.launch;

import io.execgate.gateway.Application;
import io.execgate.sandbox.Sandbox;
import io.micronaut.context.ApplicationContext;
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
        if (!auth) {
            // nobody has a key to present: the contract's one case for auth off, and only on loopback by default
            properties.put("execgate.auth.enabled", false);
        }
        ApplicationContext gateway = Application.startGateway(command, args, properties);
        EmbeddedServer server = gateway.getBean(EmbeddedServer.class);
        long startedMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(DemoGuide.text(reason, server.getURL().toString(), sandbox, auth, startedMillis));
    }
}
