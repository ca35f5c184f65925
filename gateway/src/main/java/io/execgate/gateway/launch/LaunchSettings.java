package io.execgate.gateway.launch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** What the launcher needs to know before any context starts. */
public final class LaunchSettings {
    private LaunchSettings() {
    }

    /**
     * Which of the gateway's property groups are set, from any source the gateway reads (config
     * files, system properties, environment variables, {@code args}), read once before any context starts.
     *
     * @param vendors whether any {@code execgate.vendors.*} property is set
     * @param clients whether any {@code execgate.clients.*} property is set
     */
    public record Configured(boolean vendors, boolean clients) {

        public static Configured read(String[] args) {
            if (setDirectly(args, "execgate.vendors.") && setDirectly(args, "execgate.clients.")) {
                // The usual deployment (environment variables): no second environment to build, read
                // and throw away before the gateway's own (about 0.4 s of a start, docs/performance.md).
                return new Configured(true, true);
            }
            try (ApplicationContext context = ApplicationContext.builder().args(args).deduceEnvironment(false).build()) {
                Environment environment = context.getEnvironment().start();
                return new Configured(!environment.getPropertyEntries("execgate.vendors").isEmpty(),
                        !environment.getPropertyEntries("execgate.clients").isEmpty());
            }
        }
    }

    /**
     * Whether a property under {@code prefix} is set by an argument, a system property or an
     * environment variable: sources that, when they name one, settle the question without reading
     * the config files. (Config files can only add properties, never hide these.)
     */
    static boolean setDirectly(String[] args, String prefix) {
        String envPrefix = prefix.toUpperCase(Locale.ROOT).replace('.', '_');
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + prefix))
                || System.getProperties().stringPropertyNames().stream().anyMatch(name -> name.startsWith(prefix))
                || System.getenv().keySet().stream().anyMatch(name -> name.startsWith(envPrefix));
    }

    /** A launcher setting from a system property, else its environment variable form, else {@code fallback}. */
    static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** A duration setting such as {@code 500ms} or {@code 2s}. */
    static Duration duration(String property, String fallback) {
        String value = setting(property, fallback);
        return ConversionService.SHARED.convert(value, Duration.class)
                .orElseThrow(() -> new IllegalArgumentException(property + " must be a duration such as 500ms or 2s"));
    }
}
