package io.execgate.gateway.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code execgate.idempotency.*}.
 *
 * @param ttl          how long a final answer is replayed
 * @param inFlightTtl  how long a claim lives without an answer (a gateway that died mid-call); longer
 *                     than any vendor's connect plus read timeout
 * @param maxEntries   the in-process store's bound; the least recently used answers go first
 * @param redisTimeout how long one Redis command, or connecting to Redis, may take (Redis store only)
 */
@ConfigurationProperties("execgate.idempotency")
public record IdempotencyProperties(@Bindable(defaultValue = "24h") Duration ttl,
                                    @Bindable(defaultValue = "2m") Duration inFlightTtl,
                                    @Bindable(defaultValue = "100000") long maxEntries,
                                    @Bindable(defaultValue = "2s") Duration redisTimeout) {
}
