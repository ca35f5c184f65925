package io.execgate.gateway.follow;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Growing waits between attempts: {@code first}, doubling up to {@code max}, each moved by up to
 * a fifth either way so that many followers started together do not stay in step.
 */
public record Backoff(Duration first, Duration max) {
    /** Reads during {@code Prefer: wait} (unified-api.md: "0.5 s doubling to 5 s, with jitter"). */
    public static final Backoff WAIT_READS = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    /** Reads of a watch, which may last a day: the vendor's quota matters more than a few seconds. */
    public static final Backoff WATCH_READS = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The wait before attempt {@code n + 1}, after {@code n} (≥ 1) attempts. */
    public Duration after(int attempts) {
        long millis = first.toMillis();
        for (int i = 1; i < attempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, max.toMillis());
        long jitter = millis / 5;
        return Duration.ofMillis(millis + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1)));
    }
}
