package io.execgate.gateway.follow;

import io.execgate.api.model.Execution;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code Prefer: wait} (RFC 7240) on a retry or a read: follows the execution through the vendor's
 * read operation until it ends or the wait is over, and marks the answer with
 * {@code Preference-Applied}.
 */
@Singleton
public final class Waits {
    public static final String PREFERENCE_APPLIED = "Preference-Applied";
    private static final String PREFER = "Prefer";

    private final FollowProperties properties;
    private final FollowScheduler scheduler;

    Waits(FollowProperties properties, FollowScheduler scheduler) {
        this.properties = properties;
        this.scheduler = scheduler;
    }

    /**
     * The wait {@code request} asks for, cut to {@code execgate.follow.max-wait}; empty when it asks
     * for none, or when the vendor cannot be read (the preference is then ignored, as RFC 7240 allows).
     */
    public Optional<Duration> asked(HttpRequest<?> request, boolean readable) {
        return readable && request.getHeaders().contains(PREFER)
                ? WaitPreference.of(request.getHeaders().getAll(PREFER), properties.maxWait()) : Optional.empty();
    }

    /**
     * Follows from {@code start} until it is terminal or {@code deadline}; a failed read ends the wait
     * with the latest state, and so does the client hanging up.
     */
    public CompletableFuture<Followed> follow(Execution start, Supplier<CompletableFuture<Execution>> read,
                                              Instant deadline, HangUp hangUp) {
        ExecutionFollower follower = ExecutionFollower.start(start, read, Backoff.WAIT_READS, deadline, true, scheduler);
        hangUp.then(follower::stop);
        return follower.result();
    }

    /** Marks an answer as having honoured a wait of {@code wait}. */
    public static <T> MutableHttpResponse<T> applied(MutableHttpResponse<T> response, Duration wait) {
        return response.header(PREFERENCE_APPLIED, WaitPreference.applied(wait));
    }
}
