package io.execgate.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one comparison: findings ordered by severity (the adapter's endpoints' order
 * within one), and the exit code {@code --fail-on} makes of them.
 *
 * @param failOn the lowest severity that fails, or null for {@code --fail-on none}
 * @param listFrom the lowest severity text and markdown list finding by finding ({@code --min-severity});
 *                 those below it are summed up by kind. JSON lists every finding whatever it says.
 * @param acceptance the findings acknowledged with {@code --accept} ({@link Acceptance#NONE} without)
 */
record Report(String vendor, String before, String after, List<Finding> findings, Severity failOn, Severity listFrom,
              Acceptance acceptance) {

    Report {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /** The findings text and markdown list one by one. */
    List<Finding> listed() {
        return findings.stream().filter(finding -> finding.severity().atLeast(listFrom)).toList();
    }

    /** The findings text and markdown only count, by kind (in the order of {@link Kind}), with a few examples. */
    Map<String, List<Finding>> summed() {
        Map<String, List<Finding>> byKind = new TreeMap<>(Comparator.comparing(Kind::valueOf));
        findings.stream().filter(finding -> !finding.severity().atLeast(listFrom))
                .forEach(finding -> byKind.computeIfAbsent(finding.kind(), kind -> new ArrayList<>()).add(finding));
        return byKind;
    }

    long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }

    /** 1 when a finding not accepted is at or above {@code --fail-on}, else 0. */
    int exitCode() {
        return failOn != null && findings.stream()
                .anyMatch(finding -> finding.severity().atLeast(failOn) && acceptedBecause(finding) == null) ? 1 : 0;
    }

    /** Why the finding was accepted ({@code --accept}), or null when it was not. */
    String acceptedBecause(Finding finding) {
        return acceptance.reasonFor(finding);
    }

    /** The {@code --accept} entries that match no finding. */
    List<Acceptance.Entry> stale() {
        return acceptance.stale(findings);
    }

    String failOnName() {
        return failOn == null ? "none" : failOn.name().toLowerCase(Locale.ROOT);
    }

    /** {@code 1 breaking, 2 drift, 5 info}. */
    String summary() {
        long accepted = findings.stream().filter(finding -> acceptedBecause(finding) != null).count();
        return count(Severity.BREAKING) + " breaking, " + count(Severity.DRIFT) + " drift, " + count(Severity.INFO) + " info"
                + (accepted == 0 ? "" : " (" + accepted + " accepted)");
    }
}
