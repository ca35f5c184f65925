package io.execgate.gateway.follow;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that times the follow-through's next steps (a read, a delivery attempt). It only
 * starts them: each is asynchronous, so no thread waits for a vendor or a receiver, and thousands of
 * followed executions cost memory, not threads.
 */
@Singleton
public final class FollowScheduler implements AutoCloseable {
    private final ScheduledExecutorService timer;

    FollowScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "execgate-follow");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** Runs {@code step} after {@code delay} (at once when it is not positive). */
    public ScheduledFuture<?> after(Duration delay, Runnable step) {
        return timer.schedule(step, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
