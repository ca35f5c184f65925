package io.execgate.gateway.exchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The unified API's meters, each registered once per label set and then only incremented: a request
 * records, it does not build and look up meter ids.
 * <ul>
 *   <li>{@code execgate.requests}: every answer under {@code /v1/executions} by vendor, operation,
 *       HTTP status, problem {@code code}, {@code outcome} and whether it was an idempotent replay;</li>
 *   <li>{@code execgate.request.duration}: their time in the gateway, by vendor, operation and outcome
 *       (a histogram; the gateway has no other per-request server meter);</li>
 *   <li>{@code execgate.idempotency.replays}: replays, by vendor and operation.</li>
 * </ul>
 * No id, key or client is ever a label. Without a registry (none configured) nothing is recorded.
 */
@Singleton
final class RequestMeters {
    private record Answer(String vendor, String operation, int status, String code, String outcome, boolean replayed) {
    }

    private record Kind(String vendor, String operation, String outcome) {
    }

    private final MeterRegistry registry;
    private final Map<Answer, Counter> answers = new ConcurrentHashMap<>();
    private final Map<Kind, Timer> durations = new ConcurrentHashMap<>();
    private final Map<Kind, Counter> replays = new ConcurrentHashMap<>();

    RequestMeters(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Exchange exchange, int status, long totalNanos) {
        if (registry == null) {
            return;
        }
        RequestedRoute route = exchange.route();
        AnswerFacts facts = exchange.facts();
        boolean replayed = exchange.isReplay();
        answers.computeIfAbsent(new Answer(route.vendor(), route.operation(), status, facts.code(), facts.outcome(), replayed),
                this::register).increment();
        durations.computeIfAbsent(new Kind(route.vendor(), route.operation(), facts.outcome()), this::registerDuration)
                .record(totalNanos, TimeUnit.NANOSECONDS);
        if (replayed) {
            replays.computeIfAbsent(new Kind(route.vendor(), route.operation(), null), this::registerReplays).increment();
        }
    }

    private Counter register(Answer answer) {
        return Counter.builder("execgate.requests")
                .description("Answers of the unified API")
                .tags("vendor", answer.vendor(), "operation", answer.operation(), "status", Integer.toString(answer.status()),
                        "code", answer.code(), "outcome", answer.outcome(), "replayed", Boolean.toString(answer.replayed()))
                .register(registry);
    }

    private Timer registerDuration(Kind kind) {
        return Timer.builder("execgate.request.duration")
                .description("Time from a request's arrival to its answer, vendor calls included")
                .tags("vendor", kind.vendor(), "operation", kind.operation(), "outcome", kind.outcome())
                .publishPercentileHistogram()
                .register(registry);
    }

    private Counter registerReplays(Kind kind) {
        return Counter.builder("execgate.idempotency.replays")
                .description("Answers replayed for a repeated Idempotency-Key, without calling the vendor")
                .tags("vendor", kind.vendor(), "operation", kind.operation())
                .register(registry);
    }
}
