package io.execgate.gateway;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.Micronaut;

/** Starts the gateway. A bad configuration stops it with one line naming the property. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        try {
            Micronaut.build(args).mainClass(Application.class).banner(false).start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigurationException config) {
                    System.err.println("ExecGate cannot start: " + config.getMessage());
                    System.exit(2);
                }
            }
            throw e;
        }
    }
}
