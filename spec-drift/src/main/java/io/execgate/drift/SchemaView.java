package io.execgate.drift;

import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A schema as found at a place in a document: {@code $ref}s followed (remembering the component's
 * name, which is the generated model's name), and {@code anyOf}/{@code oneOf}/{@code allOf}
 * flattened into alternatives, so that 3.0 ({@code nullable}) and 3.1 ({@code anyOf [T, null]},
 * {@code type: [T, "null"]}) read alike.
 *
 * @param pointer where the schema is written
 * @param name    the {@code #/components/schemas} name it was reached by, or null for an inline schema
 */
record SchemaView(SpecDocument document, Schema<?> schema, String pointer, String name) {
    private static final int MAX_REF_HOPS = 32;

    SchemaView resolved() {
        SchemaView view = this;
        for (int hop = 0; hop < MAX_REF_HOPS && view.schema.get$ref() != null; hop++) {
            String ref = view.schema.get$ref();
            Schema<?> target = document.componentSchema(ref);
            if (target == null) {
                return view;
            }
            view = new SchemaView(document, target, ref.substring(1), Pointer.unescape(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        return view;
    }

    /** This schema and every schema it composes, each resolved. */
    List<SchemaView> alternatives() {
        Map<String, SchemaView> found = new LinkedHashMap<>();
        collect(this, found, 0);
        return List.copyOf(found.values());
    }

    private static void collect(SchemaView view, Map<String, SchemaView> found, int depth) {
        SchemaView resolved = view.resolved();
        if (depth > 8 || found.putIfAbsent(resolved.pointer, resolved) != null) {
            return;
        }
        Schema<?> schema = resolved.schema;
        branches(resolved, schema.getAnyOf(), "anyOf", found, depth);
        branches(resolved, schema.getOneOf(), "oneOf", found, depth);
        branches(resolved, schema.getAllOf(), "allOf", found, depth);
    }

    private static void branches(SchemaView parent, List<Schema> branches, String keyword, Map<String, SchemaView> found, int depth) {
        if (branches == null) {
            return;
        }
        for (int i = 0; i < branches.size(); i++) {
            collect(new SchemaView(parent.document, branches.get(i), parent.pointer + "/" + keyword + "/" + i, null), found, depth + 1);
        }
    }

    /** The schemas a property of this one may have ({@code []} for array items). */
    List<SchemaView> child(String segment) {
        List<SchemaView> children = new ArrayList<>();
        for (SchemaView alternative : alternatives()) {
            Schema<?> schema = alternative.schema;
            if (segment.equals("[]")) {
                if (schema.getItems() != null) {
                    children.add(new SchemaView(document, schema.getItems(), alternative.pointer + "/items", null).resolved());
                }
            } else if (schema.getProperties() != null && schema.getProperties().containsKey(segment)) {
                children.add(new SchemaView(document, schema.getProperties().get(segment),
                        alternative.pointer + "/properties/" + Pointer.escape(segment), null).resolved());
            }
        }
        return children;
    }

    /** Property names declared by any alternative. */
    Set<String> propertyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (SchemaView alternative : alternatives()) {
            if (alternative.schema.getProperties() != null) {
                names.addAll(alternative.schema.getProperties().keySet());
            }
        }
        return names;
    }

    /** Required property names of any alternative, with the pointer of the list naming each. */
    Map<String, String> requiredProperties() {
        Map<String, String> required = new LinkedHashMap<>();
        for (SchemaView alternative : alternatives()) {
            if (alternative.schema.getRequired() != null) {
                alternative.schema.getRequired().forEach(name -> required.putIfAbsent(name, alternative.pointer + "/required"));
            }
        }
        return required;
    }

    /** The JSON types a value may have, {@code null} aside, and formats: {@code string(date-time)}. */
    static String typeOf(List<SchemaView> views) {
        Set<String> types = new TreeSet<>();
        Set<String> formats = new TreeSet<>();
        for (SchemaView view : views) {
            for (SchemaView alternative : view.alternatives()) {
                Schema<?> schema = alternative.schema;
                Set<String> declared = new TreeSet<>();
                if (schema.getTypes() != null) {
                    declared.addAll(schema.getTypes());
                }
                if (schema.getType() != null) {
                    declared.add(schema.getType());
                }
                if (declared.isEmpty() && schema.getProperties() != null) {
                    declared.add("object");
                }
                if (declared.isEmpty() && schema.getItems() != null) {
                    declared.add("array");
                }
                declared.remove("null");
                types.addAll(declared);
                if (schema.getFormat() != null && !declared.isEmpty()) {
                    formats.add(schema.getFormat());
                }
            }
        }
        String type = types.isEmpty() ? "any" : String.join("|", types);
        return formats.isEmpty() ? type : type + "(" + String.join(",", formats) + ")";
    }

    /** The enum values (null aside) of any alternative, and the first {@code enum} keyword's pointer. */
    static Enumeration enumOf(List<SchemaView> views) {
        Set<String> values = new LinkedHashSet<>();
        String pointer = null;
        for (SchemaView view : views) {
            for (SchemaView alternative : view.alternatives()) {
                List<?> declared = alternative.schema.getEnum();
                if (declared != null && !declared.isEmpty()) {
                    declared.stream().filter(Objects::nonNull).map(String::valueOf).forEach(values::add);
                    if (pointer == null) {
                        pointer = alternative.pointer + "/enum";
                    }
                }
            }
        }
        return new Enumeration(values, pointer);
    }

    record Enumeration(Set<String> values, String pointer) {
    }
}
