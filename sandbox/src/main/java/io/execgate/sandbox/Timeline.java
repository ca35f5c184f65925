package io.execgate.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The vendor statuses an execution goes through, one {@code step} apart from {@code start}; it stays
 * in the last one. The status is computed when asked, so nothing has to run in the background and a
 * read always reflects the live state.
 */
public record Timeline(Instant start, Duration step, List<String> statuses) {

    public Timeline {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one status");
        }
        statuses = Collections.unmodifiableList(statuses);
    }

    /** An execution that stays in one status ({@code null} for a vendor that reports none). */
    public static Timeline fixed(Instant since, String status) {
        return new Timeline(since, Duration.ZERO, Collections.singletonList(status));
    }

    public static Timeline of(Instant start, Duration step, String... statuses) {
        return new Timeline(start, step, List.of(statuses));
    }

    public String statusAt(Instant now) {
        return statuses.get(index(now));
    }

    /** When the timeline entered {@code status}, if it has by {@code now}. */
    public Optional<Instant> reached(String status, Instant now) {
        int position = statuses.indexOf(status);
        return position >= 0 && position <= index(now)
                ? Optional.of(start.plus(step.multipliedBy(position)))
                : Optional.empty();
    }

    /** When the current status was entered. */
    public Instant changedAt(Instant now) {
        return start.plus(step.multipliedBy(index(now)));
    }

    private int index(Instant now) {
        int last = statuses.size() - 1;
        if (step.isZero() || last == 0) {
            return last;
        }
        if (now.isBefore(start)) {
            return 0;
        }
        long elapsed = Duration.between(start, now).toMillis() / Math.max(1, step.toMillis());
        return (int) Math.min(elapsed, last);
    }
}
