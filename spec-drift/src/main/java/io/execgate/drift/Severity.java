package io.execgate.drift;

/** How much a spec change matters to this gateway; {@code --fail-on} picks the lowest that fails. */
public enum Severity {
    /** The gateway's calls or readings stop working as they are. */
    BREAKING,
    /** The gateway keeps working but answers less precisely (UNKNOWN status, generic error). */
    DRIFT,
    /** A change the gateway does not depend on. */
    INFO;

    boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
