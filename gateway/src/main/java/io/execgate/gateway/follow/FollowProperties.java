package io.execgate.gateway.follow;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code execgate.follow.*}: following retried executions to their end ({@code Prefer: wait} and
 * completion notifications; unified-api.md, "Follow-through").
 *
 * @param maxWait             the longest {@code Prefer: wait} honoured; longer waits are cut to it
 * @param watchFor            how long a notified retry is followed before {@code execution.watch_expired}
 * @param redisUri            the Redis that shares watches and deliveries between instances; when unset,
 *                            {@code execgate.idempotency.redis-uri}; when neither is set, they live in this process
 * @param allowPrivateTargets lets notifications go to loopback, private and link-local hosts, over plain
 *                            http too (tests, the demo); never in production
 * @param claimAfter          Redis only: a watch or delivery its instance has not touched for this long
 *                            (a killed instance) is taken over by another
 * @param deliverFor          how long a notification is tried again before it is given up
 * @param deliveryBackoff     the wait before a failed notification's second attempt; it doubles from there
 * @param deliveryBackoffMax  the longest wait between two attempts
 * @param deliveryTimeout     how long one attempt may take, connecting included
 */
@ConfigurationProperties("execgate.follow")
public record FollowProperties(@Bindable(defaultValue = "60s") Duration maxWait,
                               @Bindable(defaultValue = "24h") Duration watchFor,
                               @Nullable String redisUri,
                               @Bindable(defaultValue = "false") boolean allowPrivateTargets,
                               @Bindable(defaultValue = "30s") Duration claimAfter,
                               @Bindable(defaultValue = "24h") Duration deliverFor,
                               @Bindable(defaultValue = "5s") Duration deliveryBackoff,
                               @Bindable(defaultValue = "1h") Duration deliveryBackoffMax,
                               @Bindable(defaultValue = "10s") Duration deliveryTimeout) {
}
