package io.execgate.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable ids for seeded executions: the same on every start, so docs and scripts can name them,
 * and shaped like each vendor's own.
 */
public final class SeedIds {
    private SeedIds() {
    }

    /** A name-based UUID for {@code vendor} and {@code label}. */
    public static UUID uuid(String vendor, String label) {
        return UUID.nameUUIDFromBytes((vendor + ":" + label).getBytes(StandardCharsets.UTF_8));
    }

    /** Eighteen decimal digits derived from {@code vendor} and {@code label}. */
    public static String digits(String vendor, String label) {
        long value = uuid(vendor, label).getMostSignificantBits() & Long.MAX_VALUE;
        return String.format("%018d", value % 1_000_000_000_000_000_000L);
    }

    /** Twelve lowercase hex digits derived from {@code vendor} and {@code label}. */
    public static String hex(String vendor, String label) {
        return uuid(vendor, label).toString().replace("-", "").substring(0, 12);
    }
}
