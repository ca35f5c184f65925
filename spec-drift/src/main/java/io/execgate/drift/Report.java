package io.execgate.drift;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one comparison: findings ordered by severity (the adapter's endpoints' order
 * within one), and the exit code {@code --fail-on} makes of them.
 *
 * @param failOn the lowest severity that fails, or null for {@code --fail-on none}
 */
record Report(String vendor, String before, String after, List<Finding> findings, Severity failOn) {

    Report {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }

    /** 1 when a finding is at or above {@code --fail-on}, else 0. */
    int exitCode() {
        return failOn != null && findings.stream().anyMatch(finding -> finding.severity().atLeast(failOn)) ? 1 : 0;
    }

    String failOnName() {
        return failOn == null ? "none" : failOn.name().toLowerCase(Locale.ROOT);
    }

    /** {@code 1 breaking, 2 drift, 5 info}. */
    String summary() {
        return count(Severity.BREAKING) + " breaking, " + count(Severity.DRIFT) + " drift, " + count(Severity.INFO) + " info";
    }
}
