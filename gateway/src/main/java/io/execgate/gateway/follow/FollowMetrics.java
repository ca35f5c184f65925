package io.execgate.gateway.follow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The follow-through's meters: {@code execgate_watches_active} (executions this instance is
 * following for a notification now) and {@code execgate_webhook_deliveries_total{outcome}} (one per
 * delivery attempt: {@code delivered}, {@code failed} — to be tried again — or {@code given_up}).
 */
@Singleton
public final class FollowMetrics {
    /** How one delivery attempt ended. */
    public enum Outcome {
        DELIVERED("delivered"), FAILED("failed"), GIVEN_UP("given_up");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final AtomicInteger watches = new AtomicInteger();
    private final Map<Outcome, Counter> deliveries = new EnumMap<>(Outcome.class);

    FollowMetrics(MeterRegistry registry) {
        Gauge.builder("execgate.watches.active", watches, AtomicInteger::get)
                .description("Executions this instance is following to notify a client when they end")
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            deliveries.put(outcome, Counter.builder("execgate.webhook.deliveries")
                    .description("Completion notification attempts, by how they ended")
                    .tag("outcome", outcome.tag)
                    .register(registry));
        }
    }

    void watchStarted() {
        watches.incrementAndGet();
    }

    void watchEnded() {
        watches.decrementAndGet();
    }

    void delivery(Outcome outcome) {
        deliveries.get(outcome).increment();
    }
}
