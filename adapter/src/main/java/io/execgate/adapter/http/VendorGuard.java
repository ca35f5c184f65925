package io.execgate.adapter.http;

import io.execgate.adapter.VendorProperties;
import io.execgate.adapter.problem.VendorFailure;
import io.execgate.api.model.ProblemCode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A vendor's circuit breaker and bulkhead (Resilience4j). The circuit opens after
 * {@code breaker-failures} consecutive failed calls (no answer, or a 5xx), answers 503
 * {@code UPSTREAM_UNAVAILABLE} without calling for {@code breaker-open-for}, then lets one trial call
 * through. At most {@code max-concurrent-calls} calls are in flight; one more is a 503 at once.
 * Both refusals happen before anything is sent, so the caller may safely send again.
 */
public final class VendorGuard {
    /** The circuit as {@code /health} reports it. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    VendorGuard(VendorProperties properties) {
        int failures = Math.max(1, properties.breakerFailures());
        breaker = CircuitBreaker.of(properties.name(), CircuitBreakerConfig.custom()
                // the last N calls all failed = N consecutive failures
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100f)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        bulkhead = Bulkhead.of(properties.name(), BulkheadConfig.custom()
                .maxConcurrentCalls(Math.max(1, properties.maxConcurrentCalls()))
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /**
     * Starts {@code send} if the bulkhead and the circuit allow it (else fails at once, nothing sent),
     * and records how the call went when its answer, or its failure, arrives.
     */
    CompletableFuture<VendorResponse> call(Supplier<CompletableFuture<VendorResponse>> send) {
        if (!bulkhead.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(VendorFailure.of(ProblemCode.UPSTREAM_UNAVAILABLE,
                    "Too many calls to this vendor are in flight; nothing was sent. Send it again shortly."));
        }
        if (!breaker.tryAcquirePermission()) {
            bulkhead.onComplete();
            return CompletableFuture.failedFuture(VendorFailure.of(ProblemCode.UPSTREAM_UNAVAILABLE,
                    "The vendor failed repeatedly, so its circuit is open; nothing was sent. Send it again later."));
        }
        long started = System.nanoTime();
        CompletableFuture<VendorResponse> sent;
        try {
            sent = send.get();
        } catch (RuntimeException failed) {
            sent = CompletableFuture.failedFuture(failed);
        }
        return sent.whenComplete((response, failed) -> {
            long elapsed = System.nanoTime() - started;
            if (failed != null) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, failed);
            } else if (response.status() >= 500) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, new ServerErrorAnswer());
            } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            bulkhead.onComplete();
        });
    }

    public State state() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            default -> State.CLOSED;
        };
    }

    /** Records a 5xx answer as a failed call; never thrown. */
    private static final class ServerErrorAnswer extends RuntimeException {
        ServerErrorAnswer() {
            super("vendor answered 5xx", null, false, false);
        }
    }
}
