package io.execgate.gateway.launch;

import io.execgate.sandbox.Sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code execgate sandbox}: the vendor simulators alone, on their documented ports and keys, for
 * teams that point their own clients (or an unmodified gateway) at them.
 */
public final class StandaloneSandbox {
    /** A client key for a gateway run in front of the sandbox: printed, so not a secret either. */
    static final String CLIENT_KEY = "sandbox-client-key";
    static final String CLIENT_KEY_VARIABLE = "EXECGATE_CLIENTS_SANDBOX_API_KEY";

    private StandaloneSandbox() {
    }

    public static void start() {
        Sandbox.Options defaults = Sandbox.Options.standalone(
                LaunchSettings.setting("execgate.sandbox.host", "127.0.0.1"),
                LaunchSettings.duration("execgate.sandbox.step", "1s"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        defaults.ports().forEach((vendor, port) -> ports.put(vendor,
                Integer.parseInt(LaunchSettings.setting("execgate.sandbox." + vendor + ".port", String.valueOf(port)))));
        Sandbox sandbox = startOrExit(new Sandbox.Options(defaults.host(), ports, defaults.keys(), defaults.step()));

        StringBuilder out = new StringBuilder("\nExecGate vendor sandbox (Ctrl+C stops it)\n");
        StringBuilder env = new StringBuilder();
        sandbox.simulators().forEach(s -> {
            out.append(String.format("  %-8s %-26s key %s   seeded failed execution: %s%n",
                    s.vendor(), s.url(), s.apiKey(), s.failedExecutionId()));
            String prefix = "EXECGATE_VENDORS_" + s.vendor().toUpperCase(Locale.ROOT);
            env.append("  export ").append(prefix).append("_URL=").append(s.url()).append('\n')
                    .append("  export ").append(prefix).append("_API_KEY=").append(s.apiKey()).append('\n');
        });
        Sandbox.Simulator example = sandbox.simulators().get(sandbox.simulators().size() - 1);
        out.append("\nThese keys are the sandbox's documented ones, not secrets. To run a gateway in front of it, in\n")
                .append("another terminal (the last export is the key your own calls present to the gateway):\n")
                .append(env)
                .append("  export ").append(CLIENT_KEY_VARIABLE).append('=').append(CLIENT_KEY).append('\n')
                .append("  ./execgate run\n")
                .append("then retry a seeded failed execution through it (202 Accepted; PORT=9000 ./execgate run for another port):\n")
                .append("  curl -si -X POST -H 'Authorization: Bearer ").append(CLIENT_KEY).append("' http://127.0.0.1:8080/v1/executions/")
                .append(example.vendor()).append('/').append(example.failedExecutionId()).append("/retry\n")
                .append("Each simulator lists its executions at <url>/_sandbox/executions and takes faults at <url>/_sandbox/faults.\n");
        System.out.println(out);
    }

    /**
     * Starts the simulators and stops them when the JVM stops; a simulator that cannot start (a port
     * in use) ends the process with one line, exit code 2.
     */
    static Sandbox startOrExit(Sandbox.Options options) {
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (RuntimeException e) {
            System.err.println("ExecGate cannot start the sandbox: " + e.getMessage());
            System.exit(2);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        return sandbox;
    }
}
