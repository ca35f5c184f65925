package io.execgate.gateway.follow;

import io.execgate.adapter.problem.VendorFailure;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ProblemCode;
import io.micronaut.core.propagation.PropagatedContext;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * Follows one execution through its vendor's read operation: reads it again and again, with growing
 * waits in between, until its status is terminal, the deadline passes, or it is {@link #stop stopped}
 * (the waiting client hung up). A vendor's 429 is waited out for as long as its {@code Retry-After}
 * says. Any other failed read either ends the following with the latest state ({@code Prefer: wait}:
 * an accepted retry never becomes an error answer) or is tried again later (a watch, which has a
 * day).
 *
 * <p>Holds no thread: each read is asynchronous and the next one is timed by the
 * {@link FollowScheduler}. Reads go through the vendor's client, so its circuit breaker and bulkhead
 * apply to them as to any call.
 */
public final class ExecutionFollower {
    private final Supplier<CompletableFuture<Execution>> read;
    private final Backoff backoff;
    private final Instant deadline;
    private final boolean endOnFailure;
    private final FollowScheduler scheduler;
    private final PropagatedContext context;
    private final CompletableFuture<Followed> result = new CompletableFuture<>();
    private volatile Execution latest;
    private volatile ScheduledFuture<?> next;
    private int reads;

    private ExecutionFollower(Supplier<CompletableFuture<Execution>> read, Backoff backoff, Instant deadline,
                              boolean endOnFailure, FollowScheduler scheduler, Execution start) {
        this.read = read;
        this.backoff = backoff;
        this.deadline = deadline;
        this.endOnFailure = endOnFailure;
        this.scheduler = scheduler;
        this.latest = start;
        this.context = PropagatedContext.getOrEmpty(); // the reads belong to the request (or watch) that started them
    }

    /**
     * Starts following from {@code start} (already read, or the retry's answer); the result is
     * {@code start} itself when it is terminal or the deadline has passed.
     *
     * @param endOnFailure whether a failed read (other than a 429) ends the following
     */
    public static ExecutionFollower start(Execution start, Supplier<CompletableFuture<Execution>> read, Backoff backoff,
                                          Instant deadline, boolean endOnFailure, FollowScheduler scheduler) {
        ExecutionFollower follower = new ExecutionFollower(read, backoff, deadline, endOnFailure, scheduler, start);
        if (Followed.isTerminal(start)) {
            follower.result.complete(Followed.of(start));
        } else {
            follower.schedule(backoff.after(1));
            // a read still under way at the deadline does not hold the answer up: it ends with the latest state
            ScheduledFuture<?> end = scheduler.after(Duration.between(Instant.now(), deadline), follower::stop);
            follower.result.whenComplete((done, failed) -> end.cancel(false));
        }
        return follower;
    }

    /** The state the following ended with; never fails. */
    public CompletableFuture<Followed> result() {
        return result;
    }

    /** Ends the following now, with the latest state: no read is started after this. */
    public void stop() {
        finish();
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void schedule(Duration wait) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            finish();
            return;
        }
        next = scheduler.after(wait.compareTo(left) < 0 ? wait : left, this::readOnce);
    }

    private void readOnce() {
        if (result.isDone()) {
            return;
        }
        reads++;
        CompletableFuture<Execution> answer;
        try (PropagatedContext.Scope ignored = context.propagate()) {
            answer = read.get();
        } catch (RuntimeException failed) {
            answer = CompletableFuture.failedFuture(failed);
        }
        answer.whenComplete((execution, failed) -> {
            if (failed == null) {
                read(execution);
            } else {
                failed(cause(failed));
            }
        });
    }

    private void read(Execution execution) {
        latest = execution;
        if (Followed.isTerminal(execution)) {
            result.complete(new Followed(execution, true));
        } else {
            schedule(backoff.after(reads + 1));
        }
    }

    private void failed(Throwable cause) {
        Duration retryAfter = cause instanceof VendorFailure failure && failure.code() == ProblemCode.RATE_LIMITED
                ? retryAfter(failure) : null;
        if (retryAfter != null) {
            schedule(retryAfter.compareTo(backoff.after(reads + 1)) > 0 ? retryAfter : backoff.after(reads + 1));
        } else if (endOnFailure) {
            finish();
        } else {
            schedule(backoff.after(reads + 1));
        }
    }

    private void finish() {
        result.complete(Followed.of(latest));
    }

    /** The vendor's {@code Retry-After} (seconds or an HTTP date), or null when it gave none or an unreadable one. */
    static Duration retryAfter(VendorFailure failure) {
        String value = failure.answer() == null ? null : failure.answer().retryAfter();
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Throwable cause(Throwable failed) {
        return failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
    }
}
