package io.execgate.gateway.metrics;

import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.gateway.VendorRegistry;
import io.execgate.gateway.idempotency.IdempotentRetries;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code execgate.requests}: every answer under {@code /v1/executions} counted by vendor,
 * operation, HTTP status, problem {@code code} and {@code outcome} (both {@code none} for a
 * success) and whether it was an idempotent replay; replays also count in
 * {@code execgate.idempotency.replays}. Labels stay bounded: a vendor name nobody configured is
 * {@code unknown}, and no id, key or client is ever a label.
 */
@ServerFilter("/v1/executions/**")
@Requires(beans = MeterRegistry.class)
public final class RequestMetricsFilter {
    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Set<String> vendors;
    private final JsonMapper json;

    RequestMetricsFilter(MeterRegistry registry, VendorRegistry vendors, JsonMapper json) {
        this.registry = registry;
        this.vendors = vendors.all().stream().map(VendorAdapter::name).collect(Collectors.toUnmodifiableSet());
        this.json = json;
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String[] segments = request.getPath().split("/");
        String vendor = segments.length > 3 && vendors.contains(segments[3]) ? segments[3] : "unknown";
        String operation = request.getMethod() == HttpMethod.POST && request.getPath().endsWith("/retry") ? "retry"
                : request.getMethod() == HttpMethod.GET ? "get" : "other";
        boolean replayed = "true".equals(response.getHeaders().get(IdempotentRetries.REPLAYED));
        String[] problem = problem(request, response);
        Counter.builder("execgate.requests")
                .description("Answers of the unified API")
                .tags("vendor", vendor, "operation", operation, "status", Integer.toString(response.code()),
                        "code", problem[0], "outcome", problem[1], "replayed", Boolean.toString(replayed))
                .register(registry)
                .increment();
        if (replayed) {
            Counter.builder("execgate.idempotency.replays")
                    .description("Answers replayed for a repeated Idempotency-Key, without calling the vendor")
                    .tags("vendor", vendor, "operation", operation)
                    .register(registry)
                    .increment();
        }
    }

    /** The answer's problem code and outcome: from the problem rendered, or from a replayed problem's bytes. */
    private String[] problem(HttpRequest<?> request, MutableHttpResponse<?> response) {
        GatewayProblem rendered = ProblemRenderer.renderedFor(request);
        if (rendered != null) {
            return new String[] {rendered.code().toString(), rendered.outcome().toString()};
        }
        if (response.code() >= 400 && response.body() instanceof byte[] bytes) {
            try {
                Map<?, ?> body = json.readValue(bytes, Map.class);
                return new String[] {String.valueOf(body.get("code")), String.valueOf(body.get("outcome"))};
            } catch (IOException | RuntimeException unreadable) {
                return new String[] {"unreadable", "unreadable"};
            }
        }
        return new String[] {NONE, NONE};
    }
}
