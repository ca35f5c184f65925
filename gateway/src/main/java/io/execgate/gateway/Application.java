package io.execgate.gateway;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.Micronaut;

/** Starts the gateway. A bad configuration stops it with one line naming the property, exit code 2. */
public final class Application extends Micronaut {
    private Application() {
    }

    public static void main(String[] args) {
        new Application().args(args).mainClass(Application.class).banner(false).start();
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException config) {
                // The default handler prints the whole bean path and stack; the property name is what helps.
                System.err.println("ExecGate cannot start: " + config.getMessage());
                System.exit(2);
            }
        }
        super.handleStartupException(environment, exception);
    }
}
