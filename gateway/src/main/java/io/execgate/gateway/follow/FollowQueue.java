package io.execgate.gateway.follow;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where followed retries are kept between steps, and who works on each: this process
 * ({@link InProcessFollowQueue}), or every gateway instance sharing one Redis
 * ({@code RedisFollowQueue}), where a job is worked on by one instance at a time and a job whose
 * instance died is taken over by another.
 *
 * <p>A job is handed to the worker ({@link #start}) once it is this instance's; the worker ends it
 * with {@link #done} or moves it on with {@link #replace}, each exactly once per {@link Taken}.
 */
public interface FollowQueue extends AutoCloseable {

    /** Keeps a new job; complete once it is kept (durably, where the queue is). */
    CompletionStage<Void> add(FollowJob job);

    /** Ends {@code taken} and keeps {@code next} in its place, as one step: never both, never neither. */
    CompletionStage<Void> replace(Taken taken, FollowJob next);

    /** Ends {@code taken}: it is not handed out again. */
    CompletionStage<Void> done(Taken taken);

    /** Starts handing this instance's jobs to {@code worker}; called once. */
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
