package io.execgate.gateway.follow.queue;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The queue without Redis: every job is this process's from the start, kept in memory only. A
 * restart loses the watches and deliveries under way, and another instance never sees them
 * (README, "Follow-through").
 */
final class InProcessFollowQueue implements FollowQueue {
    private volatile Consumer<Taken> worker;

    @Override
    public CompletionStage<Void> add(FollowJob job) {
        hand(job);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> replace(Taken taken, FollowJob next) {
        hand(next);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> done(Taken taken) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void start(Consumer<Taken> worker) {
        this.worker = worker;
    }

    private void hand(FollowJob job) {
        Consumer<Taken> to = worker;
        if (to == null) {
            throw new IllegalStateException("the follow queue has not been started");
        }
        to.accept(new Taken(UUID.randomUUID().toString(), job));
    }

    @Override
    public void close() {
        worker = null;
    }
}
