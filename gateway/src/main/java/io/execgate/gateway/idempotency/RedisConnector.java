package io.execgate.gateway.idempotency;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.execgate.gateway.redis.RedisLink;
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
import java.util.function.Supplier;

/**
 * The shared store's one Redis connection ({@link RedisLink}): the first keyed retry starts it, and
 * an attempt that fails or takes longer than {@code redis-timeout} fails the retries waiting on it.
 */
@Singleton
@Requires(property = "execgate.idempotency.redis-uri")
final class RedisConnector {
    private final RedisLink link;

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
        this.link = new RedisLink(connect, timeout);
    }

    /** The configured server, its URI ({@code uri:}) or its parts ({@code host:}, {@code port:}), with {@code timeout}. */
    private static RedisURI withTimeout(NamedRedisServersConfiguration server, Duration timeout) {
        return RedisURI.builder(server.getUri().orElse(server)).withTimeout(timeout).build();
    }

    /** The open connection, the attempt under way, or a new attempt when the last one failed. */
    CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        return link.connection();
    }

    @PreDestroy
    void close() {
        link.close();
    }
}
