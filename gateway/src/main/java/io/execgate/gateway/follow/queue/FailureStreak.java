package io.execgate.gateway.follow.queue;

import io.execgate.gateway.follow.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * A queue loop's run of failed attempts while Redis fails it: the wait before the next attempt
 * grows with the run ({@link Backoff}), so a Redis that is down is neither hammered nor given up
 * on, and the run is logged once when it starts and once when it ends, not on every attempt. Used
 * by one loop thread only.
 */
final class FailureStreak {
    private static final Logger LOG = LoggerFactory.getLogger(RedisFollowQueue.class);

    private final String what;
    private final Backoff backoff;
    private int failures;

    /** @param what the loop, as log lines name it */
    FailureStreak(String what, Backoff backoff) {
        this.what = what;
        this.backoff = backoff;
    }

    /** Counts a failure; the wait before the next attempt. */
    Duration failed(Throwable cause) {
        failures++;
        if (failures == 1) {
            LOG.warn("Follow queue: {} failed, trying again with backoff: {}", what, describe(cause));
        } else {
            LOG.debug("Follow queue: {} failed again ({} in a row): {}", what, failures, describe(cause));
        }
        return backoff.after(failures);
    }

    /** Ends the run, if any. */
    void succeeded() {
        if (failures > 0) {
            LOG.info("Follow queue: {} works again after {} failed attempts", what, failures);
            failures = 0;
        }
    }

    /** The error's type and message: Redis's and Lettuce's messages name commands, never a job's fields. */
    private static String describe(Throwable cause) {
        Throwable root = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
