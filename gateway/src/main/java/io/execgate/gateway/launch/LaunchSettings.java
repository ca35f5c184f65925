package io.execgate.gateway.launch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;

import java.time.Duration;
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
            try (ApplicationContext context = ApplicationContext.builder().args(args).deduceEnvironment(false).build()) {
                Environment environment = context.getEnvironment().start();
                return new Configured(!environment.getPropertyEntries("execgate.vendors").isEmpty(),
                        !environment.getPropertyEntries("execgate.clients").isEmpty());
            }
        }
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
