package io.execgate.gateway.follow;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Chooses where followed retries are kept: in this process unless a Redis is configured.
 */
@Factory
final class FollowQueues {

    @Singleton
    FollowQueue queue(FollowProperties properties) {
        return new InProcessFollowQueue();
    }
}
