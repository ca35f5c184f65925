package io.execgate.gateway.redis;

import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One Redis connection, opened on first use without blocking: the commands that arrive while it is
 * being made wait on that same attempt, holding no thread. An attempt that fails, or is not done
 * within {@code timeout} (a host that drops packets would otherwise hold it for Lettuce's 10 s
 * connect timeout), fails the commands waiting on it, and the next command tries again; once open,
 * Lettuce reconnects by itself. The idempotency store has one; the follow queue two of its own (a
 * blocking stream read must not hold up other commands in one connection's pipeline).
 */
public final class RedisLink {
    private final Supplier<? extends CompletionStage<StatefulRedisConnection<String, String>>> connect;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> attempt =
            new AtomicReference<>();
    private volatile boolean closed;

    /** @param connect starts a connection without waiting for it */
    public RedisLink(Supplier<? extends CompletionStage<StatefulRedisConnection<String, String>>> connect, Duration timeout) {
        this.connect = connect;
        this.timeout = timeout;
    }

    /** The open connection, the attempt under way, or a new attempt when the last one failed. */
    public CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        while (true) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the Redis connection is closed"));
            }
            CompletableFuture<StatefulRedisConnection<String, String>> current = attempt.get();
            if (current != null && !current.isCompletedExceptionally()) {
                return current;
            }
            CompletableFuture<StatefulRedisConnection<String, String>> next = new CompletableFuture<>();
            if (attempt.compareAndSet(current, next)) { // else another caller has just started one: wait on that
                open(next);
                return next;
            }
        }
    }

    private void open(CompletableFuture<StatefulRedisConnection<String, String>> into) {
        CompletionStage<StatefulRedisConnection<String, String>> opening;
        try {
            opening = connect.get();
        } catch (RuntimeException failed) {
            into.completeExceptionally(failed);
            return;
        }
        into.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        opening.whenComplete((connection, failed) -> {
            if (failed != null) {
                into.completeExceptionally(failed);
            } else if (closed || !into.complete(connection)) {
                connection.closeAsync(); // too late (timed out, or closed meanwhile): nobody will use it
            }
        });
    }

    /** Closes the connection; commands under way on it fail, later ones fail at once. */
    public void close() {
        closed = true;
        CompletableFuture<StatefulRedisConnection<String, String>> current = attempt.get();
        if (current != null) {
            current.thenAccept(StatefulRedisConnection::closeAsync);
        }
    }
}
