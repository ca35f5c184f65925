package io.execgate.drift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where in a response body the adapter's reads are. A read names a schema and a property; the
 * body is walked and every place that schema appears (through {@code $ref}, {@code anyOf},
 * properties and array items) gives a location, e.g. one {@code Execution} schema both at
 * {@code execution} and at {@code execution.execution} of one answer.
 */
final class ReadLocator {
    private static final int MAX_DEPTH = 10;

    private ReadLocator() {
    }

    /**
     * A read at one place.
     *
     * @param anchor the path to the schema holding the read property
     * @param schema that schema's name
     */
    record Location(List<String> anchor, String schema, AdapterRead read) {
        List<String> path() {
            List<String> path = new ArrayList<>(anchor);
            path.addAll(read.segments());
            return path;
        }

        String dotted() {
            return ReadLocator.dotted(path());
        }
    }

    static List<Location> locate(SchemaView body, List<AdapterRead> reads) {
        Set<Location> found = new LinkedHashSet<>();
        walk(body, new ArrayList<>(), new ArrayDeque<>(), reads, found);
        // a read is only a location where its whole property path exists
        return found.stream().filter(location -> !resolve(body, location).isEmpty()).toList();
    }

    private static void walk(SchemaView view, List<String> path, Deque<String> named, List<AdapterRead> reads, Set<Location> found) {
        if (path.size() > MAX_DEPTH) {
            return;
        }
        List<SchemaView> alternatives = view.alternatives();
        for (SchemaView alternative : alternatives) {
            if (alternative.name() != null) {
                for (AdapterRead read : reads) {
                    if (sameName(read.schema(), alternative.name())) {
                        found.add(new Location(List.copyOf(path), alternative.name(), read));
                    }
                }
            }
        }
        for (SchemaView alternative : alternatives) {
            if (alternative.name() != null && named.contains(alternative.name())) {
                continue;
            }
            if (alternative.name() != null) {
                named.push(alternative.name());
            }
            var schema = alternative.schema();
            if (schema.getProperties() != null) {
                for (String property : schema.getProperties().keySet()) {
                    for (SchemaView child : alternative.child(property)) {
                        path.add(property);
                        walk(child, path, named, reads, found);
                        path.remove(path.size() - 1);
                    }
                }
            }
            if (schema.getItems() != null) {
                for (SchemaView items : alternative.child("[]")) {
                    path.add("[]");
                    walk(items, path, named, reads, found);
                    path.remove(path.size() - 1);
                }
            }
            if (alternative.name() != null) {
                named.pop();
            }
        }
    }

    /** The schemas at a location: below the schema it names when that is still there, else wherever the path leads. */
    static List<SchemaView> resolve(SchemaView body, Location location) {
        List<SchemaView> nodes = follow(List.of(body), location.anchor());
        List<SchemaView> named = nodes.stream().flatMap(node -> node.alternatives().stream())
                .filter(alternative -> alternative.name() != null && sameName(alternative.name(), location.schema()))
                .toList();
        return follow(named.isEmpty() ? nodes : named, location.read().segments());
    }

    /** The shortest prefix of a path that leads nowhere in a body, or the whole path. */
    static List<String> missingPrefix(SchemaView body, List<String> path) {
        List<SchemaView> nodes = List.of(body);
        for (int i = 0; i < path.size(); i++) {
            nodes = follow(nodes, List.of(path.get(i)));
            if (nodes.isEmpty()) {
                return path.subList(0, i + 1);
            }
        }
        return path;
    }

    static List<SchemaView> follow(List<SchemaView> nodes, List<String> segments) {
        List<SchemaView> current = nodes;
        for (String segment : segments) {
            current = current.stream().flatMap(node -> node.child(segment).stream()).toList();
        }
        return current;
    }

    /** {@code downloaded_files[].url}. */
    static String dotted(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            if (segment.equals("[]")) {
                out.append("[]");
            } else {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            }
        }
        return out.toString();
    }

    /** A generated class is named after its schema, minus what Java names cannot hold. */
    static boolean sameName(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
