package io.execgate.drift;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic part: every difference between the two documents' JSON trees, as a generic diff
 * tool would list it, each at its JSON pointer. Lists of plain values (enums, {@code required})
 * compare as sets; lists of parameters match by location and name. A node replaced by a local
 * {@code $ref} (or a {@code $ref} by another) whose resolved content is the same is one
 * {@link Kind#SCHEMA_MOVED}, and the component it now points to is not also reported as added
 * (nor the one it pointed to as removed).
 */
final class DocumentDiff {
    private static final int SHOWN = 80;

    /** One difference; {@code before}/{@code after} are short renderings, null when absent. */
    record Change(Kind kind, String pointer, String before, String after) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final JsonNode beforeRoot;
    private final JsonNode afterRoot;
    /** The components moves now point to (in the new document) and pointed to (in the old one). */
    private final Set<String> movedTo = new HashSet<>();
    private final Set<String> movedFrom = new HashSet<>();

    private DocumentDiff(JsonNode beforeRoot, JsonNode afterRoot) {
        this.beforeRoot = beforeRoot;
        this.afterRoot = afterRoot;
    }

    static List<Change> between(JsonNode before, JsonNode after) {
        DocumentDiff diff = new DocumentDiff(before, after);
        diff.walk(before, after, "");
        if (diff.movedTo.isEmpty() && diff.movedFrom.isEmpty()) {
            return diff.changes;
        }
        // a component added only to be referenced where the schema was (or removed, only referenced there) is the move
        return diff.changes.stream().filter(change -> !(change.kind() == Kind.ADDED
                        && onlyMoved(after.at(change.pointer()), change.pointer(), diff.movedTo))
                        && !(change.kind() == Kind.REMOVED
                        && onlyMoved(before.at(change.pointer()), change.pointer(), diff.movedFrom)))
                .toList();
    }

    /** Whether the node at {@code pointer} is made of moved components only. */
    private static boolean onlyMoved(JsonNode node, String pointer, Set<String> moved) {
        if (moved.contains(pointer)) {
            return true;
        }
        if (!node.isObject() || node.isEmpty() || moved.stream().noneMatch(target -> target.startsWith(pointer + "/"))) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!onlyMoved(node.get(name), pointer + "/" + Pointer.escape(name), moved)) {
                return false;
            }
        }
        return true;
    }

    private void walk(JsonNode before, JsonNode after, String pointer) {
        if (before.equals(after)) {
            return;
        }
        String from = localRef(before);
        String to = localRef(after);
        if ((from != null || to != null) && same(before, after, new HashSet<>())) {
            changes.add(new Change(Kind.SCHEMA_MOVED, pointer, from == null ? pointer : from, to == null ? pointer : to));
            if (to != null && from == null) {
                movedTo.add(to);
            } else if (from != null && to == null) {
                movedFrom.add(from);
            } else {
                movedTo.add(to);
                movedFrom.add(from);
            }
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

    /** The JSON pointer a node made of a local {@code $ref} only refers to, else null. */
    private static String localRef(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.path("$ref").isTextual()
                && node.get("$ref").asText().startsWith("#/")) {
            return node.get("$ref").asText().substring(1);
        }
        return null;
    }

    /** A node with its local {@code $ref}s followed (a chain of them at most 16 long), or null if it dangles. */
    private static JsonNode resolve(JsonNode node, JsonNode root) {
        for (int hops = 0; hops < 16 && localRef(node) != null; hops++) {
            node = root.at(localRef(node));
            if (node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }

    /** Whether two nodes are equal once every local {@code $ref} is resolved in its own document. */
    private boolean same(JsonNode before, JsonNode after, Set<String> assumed) {
        String pair = localRef(before) + " " + localRef(after);
        if (localRef(before) != null || localRef(after) != null) {
            if (!assumed.add(pair)) {
                return true; // a recursive schema: equal unless something else differs
            }
        }
        JsonNode was = resolve(before, beforeRoot);
        JsonNode is = resolve(after, afterRoot);
        if (was == null || is == null || localRef(was) != null || localRef(is) != null) {
            return false;
        }
        if (was.isObject() && is.isObject()) {
            if (was.size() != is.size()) {
                return false;
            }
            for (Iterator<String> names = was.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!is.has(name) || !same(was.get(name), is.get(name), assumed)) {
                    return false;
                }
            }
            return true;
        }
        if (was.isArray() && is.isArray()) {
            if (was.size() != is.size()) {
                return false;
            }
            for (int i = 0; i < was.size(); i++) {
                if (!same(was.get(i), is.get(i), assumed)) {
                    return false;
                }
            }
            return true;
        }
        return was.equals(is);
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
