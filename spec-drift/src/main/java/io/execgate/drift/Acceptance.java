package io.execgate.drift;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --accept FILE}: findings a team has acknowledged, each by kind and JSON pointer with a
 * reason. An accepted finding is still reported, marked, but sets no exit code; an entry that
 * matches nothing is stale, reported so that the list does not outlive what it excuses.
 *
 * @param file    the file as given
 * @param entries its entries, in order
 */
record Acceptance(String file, List<Entry> entries) {

    /** One acknowledged finding. */
    record Entry(String kind, String pointer, String reason) {
        boolean matches(Finding finding) {
            return kind.equals(finding.kind()) && pointer.equals(finding.pointer());
        }
    }

    /** No file: nothing accepted. */
    static final Acceptance NONE = new Acceptance(null, List.of());

    /** Reads a YAML or JSON list of {@code {kind, pointer, reason}}. */
    static Acceptance read(String file) throws UnreadableSpec {
        JsonNode tree = SpecDocument.readTree(file);
        if (tree == null || !tree.isArray()) {
            throw new UnreadableSpec(file + ": expected a list of {kind, pointer, reason}");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            JsonNode entry = tree.get(i);
            for (String member : List.of("kind", "pointer", "reason")) {
                // a reason is required: an acknowledgement nobody can explain later is a switched-off check
                if (!entry.path(member).isTextual() || entry.path(member).asText().isBlank()) {
                    throw new UnreadableSpec(file + ": entry " + (i + 1) + " has no " + member);
                }
            }
            entries.add(new Entry(entry.get("kind").asText(), entry.get("pointer").asText(), entry.get("reason").asText()));
        }
        return new Acceptance(file, List.copyOf(entries));
    }

    /** The reason the finding is accepted, or null. */
    String reasonFor(Finding finding) {
        return entries.stream().filter(entry -> entry.matches(finding)).map(Entry::reason).findFirst().orElse(null);
    }

    /** The entries no finding matches. */
    List<Entry> stale(List<Finding> findings) {
        return entries.stream().filter(entry -> findings.stream().noneMatch(entry::matches)).toList();
    }
}
