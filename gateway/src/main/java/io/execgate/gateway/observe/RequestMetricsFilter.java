package io.execgate.gateway.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code execgate.requests}: every answer under {@code /v1/executions} counted by vendor,
 * operation, HTTP status, problem {@code code} and {@code outcome} and whether it was an idempotent
 * replay; replays also count in {@code execgate.idempotency.replays}. No id, key or client is ever
 * a label.
 */
@ServerFilter("/v1/executions/**")
@Requires(beans = MeterRegistry.class)
public final class RequestMetricsFilter {
    private final MeterRegistry registry;
    private final Answered.Reader answers;

    RequestMetricsFilter(MeterRegistry registry, Answered.Reader answers) {
        this.registry = registry;
        this.answers = answers;
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Answered answer = answers.read(request, response);
        Counter.builder("execgate.requests")
                .description("Answers of the unified API")
                .tags("vendor", answer.vendor(), "operation", answer.operation(), "status", Integer.toString(answer.status()),
                        "code", answer.code(), "outcome", answer.outcome(), "replayed", Boolean.toString(answer.replayed()))
                .register(registry)
                .increment();
        if (answer.replayed()) {
            Counter.builder("execgate.idempotency.replays")
                    .description("Answers replayed for a repeated Idempotency-Key, without calling the vendor")
                    .tags("vendor", answer.vendor(), "operation", answer.operation())
                    .register(registry)
                    .increment();
        }
    }
}
