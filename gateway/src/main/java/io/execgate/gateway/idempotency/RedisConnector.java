package io.execgate.gateway.idempotency;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.configuration.lettuce.NamedRedisServersConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The shared store's one Redis connection, opened without blocking: the first keyed retry starts
 * the connection, and the retries that arrive while it is being made wait on that same attempt,
 * holding no thread. An attempt that fails, or is not done within {@code redis-timeout} (a host
 * that drops packets would otherwise hold it for Lettuce's 10 s connect timeout), fails the retries
 * waiting on it, and the next retry tries again. Once open, Lettuce reconnects by itself.
 */
@Singleton
@Requires(property = "execgate.idempotency.redis-uri")
final class RedisConnector {
    private final Supplier<? extends CompletionStage<StatefulRedisConnection<String, String>>> connect;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> attempt =
            new AtomicReference<>();

    /**
     * Micronaut's client for {@code redis.servers.idempotency} (application.yml), with
     * {@code redis-timeout} as the connection's timeout: Lettuce's 60 s default would hold a keyed
     * retry that long on a Redis that accepts connections but does not answer. Nothing connects
     * before the first keyed retry or readiness probe: a Redis that is down fails those, not the
     * gateway's start.
     */
    @Inject
    RedisConnector(@Named("idempotency") BeanProvider<RedisClient> client,
                   @Named("idempotency") BeanProvider<NamedRedisServersConfiguration> server,
                   IdempotencyProperties properties) {
        this(() -> client.get().connectAsync(StringCodec.UTF8, withTimeout(server.get(), properties.redisTimeout())),
                properties.redisTimeout());
    }

    /** @param connect starts a connection without waiting for it */
    RedisConnector(Supplier<? extends CompletionStage<StatefulRedisConnection<String, String>>> connect,
                   Duration timeout) {
        this.connect = connect;
        this.timeout = timeout;
    }

    /** The configured server, its URI ({@code uri:}) or its parts ({@code host:}, {@code port:}), with {@code timeout}. */
    private static RedisURI withTimeout(NamedRedisServersConfiguration server, Duration timeout) {
        return RedisURI.builder(server.getUri().orElse(server)).withTimeout(timeout).build();
    }

    /** The open connection, the attempt under way, or a new attempt when the last one failed. */
    CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        while (true) {
            CompletableFuture<StatefulRedisConnection<String, String>> current = attempt.get();
            if (current != null && !current.isCompletedExceptionally()) {
                return current;
            }
            CompletableFuture<StatefulRedisConnection<String, String>> next = new CompletableFuture<>();
            if (attempt.compareAndSet(current, next)) { // else another request has just started one: wait on that
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
            } else if (!into.complete(connection)) {
                connection.closeAsync(); // it came after the attempt had timed out: nobody will use it
            }
        });
    }

    @PreDestroy
    void close() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = attempt.get();
        if (current != null) {
            current.thenAccept(StatefulRedisConnection::closeAsync);
        }
    }
}
