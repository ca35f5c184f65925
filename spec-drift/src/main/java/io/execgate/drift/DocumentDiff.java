package io.execgate.drift;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generic part: every difference between the two documents' JSON trees, as a generic diff
 * tool would list it, each at its JSON pointer. Lists of plain values (enums, {@code required})
 * compare as sets; lists of parameters match by location and name.
 */
final class DocumentDiff {
    private static final int SHOWN = 80;

    /** One difference; {@code before}/{@code after} are short renderings, null when absent. */
    record Change(Kind kind, String pointer, String before, String after) {
    }

    private final List<Change> changes = new ArrayList<>();

    private DocumentDiff() {
    }

    static List<Change> between(JsonNode before, JsonNode after) {
        DocumentDiff diff = new DocumentDiff();
        diff.walk(before, after, "");
        return diff.changes;
    }

    private void walk(JsonNode before, JsonNode after, String pointer) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String at = pointer + "/" + Pointer.escape(name);
                if (after.has(name)) {
                    walk(before.get(name), after.get(name), at);
                } else {
                    changes.add(new Change(Kind.REMOVED, at, show(before.get(name)), null));
                }
            }
            for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!before.has(name)) {
                    changes.add(new Change(Kind.ADDED, pointer + "/" + Pointer.escape(name), null, show(after.get(name))));
                }
            }
        } else if (before.isArray() && after.isArray()) {
            list(before, after, pointer);
        } else if (before.isTextual() && after.isTextual()) {
            changes.add(new Change(Kind.CHANGED, pointer, showDifference(before.asText(), after.asText()),
                    showDifference(after.asText(), before.asText())));
        } else {
            changes.add(new Change(Kind.CHANGED, pointer, show(before), show(after)));
        }
    }

    /** A long text by where it differs from the other: "…authenticates with x-api-key…". */
    private static String showDifference(String text, String other) {
        if (text.length() <= SHOWN) {
            return text;
        }
        int start = 0;
        while (start < text.length() && start < other.length() && text.charAt(start) == other.charAt(start)) {
            start++;
        }
        int from = Math.max(0, start - 20);
        String window = text.substring(from, Math.min(text.length(), from + SHOWN - 2)).replaceAll("\\s+", " ");
        return (from > 0 ? "…" : "") + window + (from + SHOWN - 2 < text.length() ? "…" : "");
    }

    private void list(JsonNode before, JsonNode after, String pointer) {
        Map<String, Integer> was = keys(before);
        Map<String, Integer> is = keys(after);
        if (was == null || is == null) {
            if (before.size() == after.size()) {
                for (int i = 0; i < before.size(); i++) {
                    walk(before.get(i), after.get(i), pointer + "/" + i);
                }
            } else {
                changes.add(new Change(Kind.CHANGED, pointer, show(before), show(after)));
            }
            return;
        }
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        was.forEach((key, index) -> {
            if (is.containsKey(key)) {
                walk(before.get(index), after.get(is.get(key)), pointer + "/" + is.get(key));
            } else {
                removed.add(show(before.get(index)));
            }
        });
        is.forEach((key, index) -> {
            if (!was.containsKey(key)) {
                added.add(show(after.get(index)));
            }
        });
        if (!removed.isEmpty()) {
            changes.add(new Change(Kind.REMOVED, pointer, String.join(", ", removed), null));
        }
        if (!added.isEmpty()) {
            changes.add(new Change(Kind.ADDED, pointer, null, String.join(", ", added)));
        }
    }

    /** A list's members by identity: the value itself, a parameter's location and name, or a {@code $ref}; null if none. */
    private static Map<String, Integer> keys(JsonNode list) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode member = list.get(i);
            String key;
            if (member.isValueNode()) {
                key = "value:" + member;
            } else if (member.has("name") && member.has("in")) {
                key = "parameter:" + member.get("in").asText() + ":" + member.get("name").asText();
            } else if (member.has("$ref") && member.size() == 1) {
                key = "ref:" + member.get("$ref").asText();
            } else {
                return list.size() == 0 ? keys : null;
            }
            keys.putIfAbsent(key, i);
        }
        return keys;
    }

    private static String show(JsonNode node) {
        String text = node.isTextual() ? node.asText() : node.toString();
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
    }
}
