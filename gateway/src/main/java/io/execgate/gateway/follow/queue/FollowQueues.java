package io.execgate.gateway.follow.queue;

import io.execgate.gateway.follow.FollowProperties;
import io.execgate.gateway.idempotency.IdempotencyProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Chooses where followed retries are kept: in Redis when {@code execgate.follow.redis-uri} or
 * {@code execgate.idempotency.redis-uri} is set (then every instance shares them and they survive a
 * restart), else in this process.
 */
@Factory
final class FollowQueues {

    /**
     * The client is Micronaut's for {@code redis.servers.follow} (application.yml), asked for only
     * when Redis is configured, and connected only once the queue is used: a Redis that is down
     * delays follow-through, never the gateway's start. The Redis is {@code execgate.follow.redis-uri},
     * else {@code execgate.idempotency.redis-uri}, chosen here: Micronaut's placeholders cannot nest
     * one in another's default, so application.yml cannot say "this one, else that one, else a default".
     */
    @Singleton
    @Bean(preDestroy = "close")
    FollowQueue queue(FollowProperties properties, IdempotencyProperties idempotency,
                      @Nullable @Property(name = "execgate.idempotency.redis-uri") String idempotencyRedisUri,
                      @Named("follow") BeanProvider<RedisClient> client) {
        String uri = blank(properties.redisUri()) ? idempotencyRedisUri : properties.redisUri();
        if (blank(uri)) {
            return new InProcessFollowQueue();
        }
        return new RedisFollowQueue(timeout -> client.get().connectAsync(StringCodec.UTF8, withTimeout(uri, timeout)),
                properties.claimAfter(), idempotency.redisTimeout());
    }

    /** {@code uri} with {@code timeout} for every command; parsed on connecting, so a bad URI fails the queue's loops (logged), not the start. */
    private static RedisURI withTimeout(String uri, Duration timeout) {
        return RedisURI.builder(RedisURI.create(uri.strip())).withTimeout(timeout).build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
