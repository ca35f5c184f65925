package io.execgate.sandbox;

import io.micronaut.context.annotation.Context;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's executions, in memory, in the order they were created. Retries are checked and
 * applied under one lock, so two concurrent retries of one execution cannot both pass the check.
 */
@Context // seeded when the simulator starts, not on its first call
public final class ExecutionBook {
    private final VendorBehaviour vendor;
    private final SimulatorSettings settings;
    private final Clock clock;
    private final Map<String, SandboxExecution> executions = new LinkedHashMap<>();

    ExecutionBook(VendorBehaviour vendor, SimulatorSettings settings, Clock clock) {
        this.vendor = vendor;
        this.settings = settings;
        this.clock = clock;
        reset();
    }

    /** Forgets every change and holds the seeded executions again. */
    public synchronized void reset() {
        executions.clear();
        vendor.seed(clock.instant()).forEach(e -> executions.put(e.id(), e));
    }

    /** The execution with this id, or the vendor's not-found answer. */
    public synchronized SandboxExecution get(String id) {
        SandboxExecution execution = executions.get(id);
        if (execution == null) {
            throw vendor.notFound(id);
        }
        return execution;
    }

    /** Retries {@code id} by the vendor's rules and returns what the retry left behind. */
    public synchronized SandboxExecution retry(String id) {
        SandboxExecution original = get(id);
        String status = original.status(clock.instant());
        if (!vendor.retryable(status)) {
            throw vendor.notRetryable(original, status);
        }
        SandboxExecution next = vendor.retry(original, clock.instant().truncatedTo(ChronoUnit.MILLIS), settings.step());
        executions.put(next.id(), next);
        return next;
    }

    public synchronized List<SandboxExecution> all() {
        return List.copyOf(executions.values());
    }
}
