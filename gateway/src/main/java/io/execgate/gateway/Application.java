package io.execgate.gateway;

import io.execgate.drift.SpecDiff;
import io.execgate.gateway.launch.Demo;
import io.execgate.gateway.launch.LaunchSettings;
import io.execgate.gateway.launch.StandaloneSandbox;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.Micronaut;

import java.net.BindException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts ExecGate. The first argument picks what runs:
 * <ul>
 *   <li>{@code run} (default): the gateway with the configured vendors; with none configured, the
 *       built-in sandbox is wired in instead, and it says so;</li>
 *   <li>{@code demo}: the gateway and the vendor simulators in this process, printing what to try;</li>
 *   <li>{@code sandbox}: the simulators alone, on their own ports, for testing other clients;</li>
 *   <li>{@code spec-diff}: what a new version of a vendor's spec does to the adapters (no server starts).</li>
 * </ul>
 * A bad configuration stops the gateway with one line naming the property, and a port in use with
 * one line saying how to pick another; exit code 2.
 */
public final class Application {
    static final String USAGE = "usage: execgate [run|demo|sandbox] [--micronaut-style.options=...] | execgate spec-diff <old> <new> [options]";

    private static final String LOG_FORMAT = "execgate.log.format";

    private Application() {
    }

    public static void main(String[] args) {
        boolean named = args.length > 0 && !args[0].startsWith("-");
        String command = named ? args[0] : "run";
        String[] rest = named ? Arrays.copyOfRange(args, 1, args.length) : args;
        if ((command.equals("demo") || command.equals("sandbox")) && System.getProperty(LOG_FORMAT) == null
                && System.getenv("EXECGATE_LOG_FORMAT") == null) {
            // people read these; set before the first logger exists (logback.xml reads it once)
            System.setProperty(LOG_FORMAT, "text");
        }
        switch (command) {
            case "run" -> runConfigured(rest);
            case "demo" -> Demo.start("demo", rest, "demo", LaunchSettings.Configured.read(rest).clients());
            case "sandbox" -> StandaloneSandbox.start();
            case "spec-diff" -> System.exit(SpecDiff.run(rest, System.out, System.err));
            default -> {
                System.err.println(USAGE);
                System.exit(64);
            }
        }
    }

    private static void runConfigured(String[] args) {
        LaunchSettings.Configured configured = LaunchSettings.Configured.read(args);
        if (configured.vendors()) {
            startGateway("run", args, Map.of());
        } else {
            Demo.start("run", args, "run: no vendor is configured (execgate.vendors.<vendor>.url), so the built-in sandbox stands in",
                    configured.clients());
        }
    }

    /**
     * Starts the gateway's context and server.
     *
     * @param command    the launcher command that starts it ({@code run}, {@code demo}), for what it prints
     * @param args       command-line options, Micronaut style
     * @param properties properties set by the launcher (a sandbox's URLs and keys), above the config files
     */
    public static ApplicationContext startGateway(String command, String[] args, Map<String, Object> properties) {
        return new Startup(command).args(args).mainClass(Application.class).banner(false)
                .properties(properties)
                .start();
    }

    /**
     * Micronaut's launcher, naming the wrong property instead of printing a stack. Nested, and not
     * Application's superclass, because Micronaut's static logger would start logback before
     * {@code main} could choose the log format.
     */
    private static final class Startup extends Micronaut {
        private static final Pattern BOUND = Pattern.compile(" on \\S+:(\\d+)$");
        private final String command;

        Startup(String command) {
            this.command = command;
        }

        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof ConfigurationException config) {
                    // The default handler prints the whole bean path and stack; the property name is what helps.
                    exit("ExecGate cannot start: " + config.getMessage());
                }
                if (t instanceof BindException) {
                    // NettyHttpServer's own line about it is switched off in logback.xml: this one says what to do
                    String port = boundPort(exception);
                    exit("ExecGate cannot start: port " + port + " is in use; PORT=" + ("9000".equals(port) ? 9001 : 9000)
                            + " ./execgate " + command + " picks another (micronaut.server.port, MICRONAUT_SERVER_PORT)");
                }
            }
            super.handleStartupException(environment, exception);
        }

        /** The port the server tried, from Micronaut's "Unable to start Micronaut server on host:port". */
        private static String boundPort(Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                Matcher address = BOUND.matcher(String.valueOf(t.getMessage()));
                if (address.find()) {
                    return address.group(1);
                }
            }
            return "?";
        }

        private static void exit(String line) {
            System.err.println(line);
            System.exit(2);
        }
    }
}
