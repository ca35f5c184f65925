package io.execgate.gateway.follow.queue;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where followed retries are kept between steps, and who works on each: this process
 * ({@link InProcessFollowQueue}), or every gateway instance sharing one Redis
 * ({@link RedisFollowQueue}), where a job is worked on by one instance at a time and a job whose
 * instance died is taken over by another.
 *
 * <p>A job is handed to the worker ({@link #start}) once it is this instance's; the worker ends it
 * with {@link #done} or moves it on with {@link #replace}, each exactly once per {@link Taken}.
 *
 * <p>At least once, not exactly once: with Redis, a job whose instance died, or stalled longer than
 * {@code execgate.follow.claim-after}, is handed to another instance, which does its step again. A
 * {@code done} or {@code replace} of a job that has meanwhile become another instance's changes
 * nothing and completes normally; one that fails (Redis down) leaves the job to be handed out again
 * after {@code claim-after}.
 */
public interface FollowQueue extends AutoCloseable {

    /** Keeps a new job; complete once it is kept (durably, where the queue is). */
    CompletionStage<Void> add(FollowJob job);

    /** Ends {@code taken} and keeps {@code next} in its place, as one step: never both, never neither. */
    CompletionStage<Void> replace(Taken taken, FollowJob next);

    /** Ends {@code taken}: it is not handed out again. */
    CompletionStage<Void> done(Taken taken);

    /**
     * Starts handing this instance's jobs to {@code worker}; called once. The worker is called on the
     * queue's own thread and must not block it; it may end jobs from any thread.
     */
    void start(Consumer<Taken> worker);

    @Override
    void close();

    /**
     * A job this instance works on.
     *
     * @param id  the queue's id for it (a Redis stream entry id)
     * @param job the job
     */
    record Taken(String id, FollowJob job) {
    }
}
