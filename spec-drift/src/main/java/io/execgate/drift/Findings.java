package io.execgate.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings the dependency checkers collect, in the order they are found. */
final class Findings {
    private final List<Finding> found = new ArrayList<>();

    void add(Kind kind, String operation, String field, String pointer, String before, String after, String impact) {
        found.add(kind.at(operation, field, pointer, before, after, impact));
    }

    /** The same change seen through two operations (a retry and a read share a schema) is one finding. */
    List<Finding> merged() {
        Map<List<String>, Finding> merged = new LinkedHashMap<>();
        for (Finding finding : found) {
            List<String> key = Arrays.asList(finding.kind(), finding.pointer(), finding.field(), finding.before(), finding.after());
            merged.merge(key, finding, (first, again) -> new Finding(first.severity(), first.kind(),
                    first.operation() + ", " + again.operation(), first.field(), first.pointer(), first.before(),
                    first.after(), first.impact()));
        }
        return List.copyOf(merged.values());
    }
}
