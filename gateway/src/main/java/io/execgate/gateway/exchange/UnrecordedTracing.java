package io.execgate.gateway.exchange;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.tracing.opentelemetry.instrument.util.OpenTelemetryExclusionsConfiguration;
import jakarta.inject.Singleton;

import java.util.function.Predicate;

/**
 * Tracing that costs nothing while nobody collects it. With {@code otel.traces.exporter: none} (the
 * default) OpenTelemetry's HTTP filters would still build, record and drop a server span per request
 * and a client span per vendor call: the server filter's work was 6.5 % of the gateway's CPU, and it
 * wrapped a third of it (docs/performance.md). Then this exclusion list takes the configured one's
 * place and excludes every path, so both filters pass requests straight on, and {@link Traceparent}
 * continues the caller's trace to the vendor instead. Any other exporter
 * ({@code OTEL_TRACES_EXPORTER=otlp}) leaves the configured exclusions, and so every span, in place.
 *
 * <p>An exclusion, not a removal: the filters are final beans of their module, and the module's
 * switch ({@code micronaut.otel.enabled}) is a boolean that cannot follow the exporter's name.
 */
@Singleton
@Replaces(OpenTelemetryExclusionsConfiguration.class)
@Requires(property = UnrecordedTracing.EXPORTER, value = UnrecordedTracing.NONE, defaultValue = UnrecordedTracing.NONE)
final class UnrecordedTracing extends OpenTelemetryExclusionsConfiguration {
    static final String EXPORTER = "otel.traces.exporter";
    static final String NONE = "none";

    @Override
    public Predicate<String> exclusionTest() {
        return path -> true;
    }
}
