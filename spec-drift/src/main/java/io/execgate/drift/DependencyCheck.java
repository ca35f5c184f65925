package io.execgate.drift;

import io.execgate.adapter.problem.VendorErrorTable;
import io.execgate.api.model.ExecutionStatus;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The semantic layer: compares, for each operation a vendor's adapter calls, what the adapter
 * relies on (auth, parameters, body, success code, fields read, statuses mapped, errors
 * translated) in the old document with the new one.
 */
final class DependencyCheck {
    private final VendorDependencies adapter;
    private final SpecDocument before;
    private final SpecDocument after;
    private final List<Finding> findings = new ArrayList<>();

    private DependencyCheck(VendorDependencies adapter, SpecDocument before, SpecDocument after) {
        this.adapter = adapter;
        this.before = before;
        this.after = after;
    }

    static List<Finding> compare(VendorDependencies adapter, SpecDocument before, SpecDocument after) {
        DependencyCheck check = new DependencyCheck(adapter, before, after);
        adapter.endpoints().forEach(check::endpoint);
        return merged(check.findings);
    }

    private void endpoint(AdapterEndpoint endpoint) {
        Optional<SpecDocument.OperationView> old = before.operation(endpoint.endpoint());
        Optional<SpecDocument.OperationView> now = after.operation(endpoint.endpoint());
        String operation = endpoint.operation();
        if (old.isEmpty() && now.isEmpty()) {
            add(Kind.OPERATION_UNDOCUMENTED, operation, null, "/paths", null, null,
                    endpoint.declaredAs() + " calls it, but neither document has it: is this " + adapter.vendor() + "'s spec?");
        } else if (old.isEmpty()) {
            add(Kind.OPERATION_DOCUMENTED, operation, null, now.get().pointer(), null, operation,
                    endpoint.declaredAs() + " calls it; the old document did not describe it, so there is nothing to compare.");
        } else if (now.isEmpty()) {
            add(Kind.OPERATION_REMOVED, operation, null, old.get().pointer(), operation, null,
                    endpoint.declaredAs() + " calls it: every such call to " + adapter.vendor() + " would fail.");
        } else {
            auth(endpoint, old.get(), now.get());
            parameters(endpoint, old.get(), now.get());
            requestBody(endpoint, old.get(), now.get());
            responses(endpoint, old.get(), now.get());
        }
    }

    // --- auth -------------------------------------------------------------------------------

    private void auth(AdapterEndpoint endpoint, SpecDocument.OperationView old, SpecDocument.OperationView now) {
        String was = security(before, old.operation());
        String is = security(after, now.operation());
        if (!was.equals(is)) {
            add(Kind.AUTH_CHANGED, endpoint.operation(), "security", securityPointer(now), was, is,
                    "The gateway sends its " + adapter.vendor() + " key the old way: every call would be refused"
                            + " (VENDOR_AUTH_FAILED) until " + endpoint.declaredIn() + ".auth() follows.");
        }
    }

    private static String security(SpecDocument document, Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : document.api.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return "none";
        }
        return requirements.stream()
                .map(requirement -> requirement.keySet().stream().map(name -> describe(document.securityScheme(name)))
                        .sorted().collect(Collectors.joining(" + ")))
                .map(text -> text.isEmpty() ? "none" : text)
                .distinct().sorted().collect(Collectors.joining(" or "));
    }

    private static String describe(SecurityScheme scheme) {
        if (scheme == null || scheme.getType() == null) {
            return "undefined scheme";
        }
        return switch (scheme.getType()) {
            case APIKEY -> "apiKey in " + scheme.getIn() + " " + scheme.getName();
            case HTTP -> "http " + String.valueOf(scheme.getScheme()).toLowerCase(Locale.ROOT);
            default -> scheme.getType().toString();
        };
    }

    private String securityPointer(SpecDocument.OperationView now) {
        List<SecurityRequirement> requirements = now.operation().getSecurity();
        if (requirements != null && !requirements.isEmpty() && !requirements.get(0).isEmpty()) {
            return "/components/securitySchemes/" + Pointer.escape(requirements.get(0).keySet().iterator().next());
        }
        return requirements != null ? now.pointer() + "/security" : "/security";
    }

    // --- request ----------------------------------------------------------------------------

    private void parameters(AdapterEndpoint endpoint, SpecDocument.OperationView old, SpecDocument.OperationView now) {
        Map<String, Parameter> was = parameters(before, old);
        Map<String, String> pointers = new LinkedHashMap<>();
        Map<String, Parameter> is = parameters(after, now, pointers);
        is.forEach((key, parameter) -> {
            Parameter previous = was.get(key);
            boolean required = Boolean.TRUE.equals(parameter.getRequired());
            if (required && !"path".equals(parameter.getIn()) && (previous == null || !Boolean.TRUE.equals(previous.getRequired()))) {
                add(Kind.REQUIRED_PARAMETER_ADDED, endpoint.operation(), parameter.getIn() + " " + parameter.getName(),
                        pointers.get(key), previous == null ? null : "optional", "required",
                        "The adapter does not send it: every call would be refused as invalid.");
            }
        });
    }

    private static Map<String, Parameter> parameters(SpecDocument document, SpecDocument.OperationView operation) {
        return parameters(document, operation, new LinkedHashMap<>());
    }

    /** Path-level then operation-level parameters (the latter win), by location and name. */
    private static Map<String, Parameter> parameters(SpecDocument document, SpecDocument.OperationView operation, Map<String, String> pointers) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        collect(document, operation.item().getParameters(), "/paths/" + Pointer.escape(operation.path()) + "/parameters", parameters, pointers);
        collect(document, operation.operation().getParameters(), operation.pointer() + "/parameters", parameters, pointers);
        return parameters;
    }

    private static void collect(SpecDocument document, List<Parameter> declared, String pointer,
                                Map<String, Parameter> parameters, Map<String, String> pointers) {
        if (declared == null) {
            return;
        }
        for (int i = 0; i < declared.size(); i++) {
            Parameter parameter = document.parameter(declared.get(i));
            if (parameter.getIn() == null || parameter.getName() == null) {
                continue;
            }
            String name = "header".equals(parameter.getIn()) ? parameter.getName().toLowerCase(Locale.ROOT) : parameter.getName();
            parameters.put(parameter.getIn() + ":" + name, parameter);
            pointers.put(parameter.getIn() + ":" + name, pointer + "/" + i);
        }
    }

    private void requestBody(AdapterEndpoint endpoint, SpecDocument.OperationView old, SpecDocument.OperationView now) {
        RequestBody was = before.requestBody(old.operation().getRequestBody());
        RequestBody is = after.requestBody(now.operation().getRequestBody());
        if (is == null) {
            return;
        }
        String pointer = now.pointer() + "/requestBody";
        if (Boolean.TRUE.equals(is.getRequired()) && (was == null || !Boolean.TRUE.equals(was.getRequired()))) {
            add(Kind.REQUIRED_BODY_FIELD_ADDED, endpoint.operation(), "request body", pointer,
                    was == null ? null : "optional", "required",
                    was == null ? "The adapter sends no body: every call would be refused as invalid."
                            : "The adapter may send no body: such calls would be refused as invalid.");
        }
        Map<String, String> wasRequired = requiredFields(before, was, old.pointer() + "/requestBody");
        requiredFields(after, is, pointer).forEach((field, at) -> {
            if (!wasRequired.containsKey(field)) {
                add(Kind.REQUIRED_BODY_FIELD_ADDED, endpoint.operation(), "request body: " + field, at, null, "required",
                        "The adapter does not send " + field + ": every call would be refused as invalid.");
            }
        });
    }

    private static Map<String, String> requiredFields(SpecDocument document, RequestBody body, String pointer) {
        SchemaView schema = body == null ? null : document.jsonBody(body.getContent(), pointer);
        return schema == null ? Map.of() : schema.requiredProperties();
    }

    // --- responses --------------------------------------------------------------------------

    private void responses(AdapterEndpoint endpoint, SpecDocument.OperationView old, SpecDocument.OperationView now) {
        Map<String, ApiResponse> was = responses(before, old);
        Map<String, ApiResponse> is = responses(after, now);
        Set<String> wasSuccess = success(was);
        Set<String> isSuccess = success(is);
        String operation = endpoint.operation();
        if (!wasSuccess.equals(isSuccess)) {
            add(Kind.SUCCESS_CODE_CHANGED, operation, "responses", now.pointer() + "/responses",
                    String.join(", ", wasSuccess), isSuccess.isEmpty() ? null : String.join(", ", isSuccess),
                    isSuccess.isEmpty() ? "The operation no longer documents a success: the adapter has no answer to read."
                            : "The adapter takes any 2xx as the old " + String.join("/", wasSuccess)
                            + " answer: check that the vendor's meaning and body did not change with the code.");
        }
        for (String code : wasSuccess) {
            String newCode = isSuccess.contains(code) ? code : isSuccess.stream().findFirst().orElse(null);
            SchemaView oldBody = before.jsonBody(was.get(code), old.pointer() + "/responses/" + code);
            SchemaView newBody = newCode == null ? null : after.jsonBody(is.get(newCode), now.pointer() + "/responses/" + newCode);
            if (oldBody != null) {
                reads(operation, code, oldBody, newBody);
            }
        }
        errors(endpoint, was, is, now);
    }

    private static Map<String, ApiResponse> responses(SpecDocument document, SpecDocument.OperationView operation) {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        if (operation.operation().getResponses() != null) {
            operation.operation().getResponses().forEach((code, response) -> responses.put(code, document.response(response)));
        }
        return responses;
    }

    private static Set<String> success(Map<String, ApiResponse> responses) {
        return responses.keySet().stream().filter(code -> code.startsWith("2")).collect(Collectors.toCollection(TreeSet::new));
    }

    private void reads(String operation, String code, SchemaView oldBody, SchemaView newBody) {
        Map<AdapterRead, List<ReadLocator.Location>> byRead = new LinkedHashMap<>();
        ReadLocator.locate(oldBody, adapter.reads())
                .forEach(location -> byRead.computeIfAbsent(location.read(), read -> new ArrayList<>()).add(location));
        Map<List<String>, List<ReadLocator.Location>> gone = new LinkedHashMap<>();
        byRead.forEach((read, locations) -> {
            Optional<ReadLocator.Location> kept = newBody == null ? Optional.empty()
                    : locations.stream().filter(location -> !ReadLocator.resolve(newBody, location).isEmpty()).findFirst();
            if (kept.isEmpty()) {
                List<String> path = locations.get(0).path();
                gone.computeIfAbsent(newBody == null ? path : ReadLocator.missingPrefix(newBody, path), missing -> new ArrayList<>())
                        .add(locations.get(0));
            } else {
                compare(operation, code, kept.get(), oldBody, newBody);
            }
        });
        gone.forEach((missing, locations) -> removed(operation, code, missing, locations, oldBody, newBody));
    }

    private void removed(String operation, String code, List<String> missing, List<ReadLocator.Location> locations,
                         SchemaView oldBody, SchemaView newBody) {
        // the whole read path is gone only below the schema it names: point there, not at a namesake elsewhere
        List<SchemaView> old = missing.equals(locations.get(0).path())
                ? ReadLocator.resolve(oldBody, locations.get(0))
                : ReadLocator.follow(List.of(oldBody), missing);
        String pointer = old.isEmpty() ? oldBody.pointer() : old.get(0).pointer();
        Set<String> readers = new TreeSet<>();
        List<String> paths = new ArrayList<>();
        locations.forEach(location -> {
            readers.add(location.read().readBy());
            paths.add(location.dotted());
        });
        String fields = paths.size() == 1 ? paths.get(0)
                : paths.size() + " fields there (" + String.join(", ", paths.subList(0, Math.min(4, paths.size())))
                + (paths.size() > 4 ? ", …" : "") + ")";
        String hint = "";
        if (newBody != null) {
            List<String> parent = missing.subList(0, missing.size() - 1);
            Set<String> added = new LinkedHashSet<>();
            ReadLocator.follow(List.of(newBody), parent).forEach(view -> added.addAll(view.propertyNames()));
            ReadLocator.follow(List.of(oldBody), parent).forEach(view -> added.removeAll(view.propertyNames()));
            if (!added.isEmpty()) {
                hint = " Renamed or moved? New at the same place: " + String.join(", ", added) + ".";
            }
        }
        add(Kind.READ_FIELD_REMOVED, operation, code + " body: " + ReadLocator.dotted(missing), pointer, SchemaView.typeOf(old), null,
                String.join(", ", readers) + " read" + (readers.size() == 1 ? "s " : " ") + fields
                        + (paths.size() == 1 ? "; without it the unified answer loses that value." : "; without them the unified answer loses those values.")
                        + hint);
    }

    private void compare(String operation, String code, ReadLocator.Location location, SchemaView oldBody, SchemaView newBody) {
        List<SchemaView> old = ReadLocator.resolve(oldBody, location);
        List<SchemaView> now = ReadLocator.resolve(newBody, location);
        String field = code + " body: " + location.dotted();
        String wasType = SchemaView.typeOf(old);
        String isType = SchemaView.typeOf(now);
        if (!wasType.equals(isType)) {
            add(Kind.READ_FIELD_TYPE_CHANGED, operation, field, now.get(0).pointer(), wasType, isType,
                    location.read().readBy() + " decodes it as " + wasType + ": an answer with a " + isType
                            + " would not decode (502 UPSTREAM_ERROR) or would be misread.");
        }
        SchemaView.Enumeration was = SchemaView.enumOf(old);
        SchemaView.Enumeration is = SchemaView.enumOf(now);
        if (was.values().isEmpty() || is.values().isEmpty()) {
            return;
        }
        boolean statusField = adapter.statusColumn() != null
                && was.values().stream().anyMatch(value -> canonical(value) != ExecutionStatus.UNKNOWN);
        for (String value : is.values()) {
            if (was.values().contains(value)) {
                continue;
            }
            if (!statusField) {
                add(Kind.ENUM_VALUE_ADDED, operation, field, is.pointer(), null, value,
                        location.read().readBy() + " reads this field and has not seen '" + value + "' before.");
            } else if (canonical(value) == ExecutionStatus.UNKNOWN) {
                add(Kind.STATUS_VALUE_UNMAPPED, operation, field, is.pointer(), null, value,
                        "The status table has no " + adapter.vendor() + " row for '" + value + "': an execution in it would be answered"
                                + " status UNKNOWN (vendorStatus '" + value + "'). Add @ValueMapping(source = \""
                                + value.toLowerCase(Locale.ROOT) + "\", target = ...) to " + adapter.columnOwner() + ".column.");
            } else {
                add(Kind.STATUS_VALUE_MAPPED, operation, field, is.pointer(), null, value,
                        "The status table already maps '" + value + "' to " + canonical(value) + ".");
            }
        }
        for (String value : was.values()) {
            if (statusField && !is.values().contains(value) && canonical(value) != ExecutionStatus.UNKNOWN) {
                add(Kind.MAPPED_VALUE_REMOVED, operation, field, was.pointer(), value, null,
                        "The status table still maps '" + value + "' to " + canonical(value) + " in " + adapter.columnOwner()
                                + ".column, but the vendor no longer documents it: renamed, or gone?");
            }
        }
    }

    private ExecutionStatus canonical(String value) {
        return adapter.statusColumn().canonical(value);
    }

    private void errors(AdapterEndpoint endpoint, Map<String, ApiResponse> was, Map<String, ApiResponse> is,
                        SpecDocument.OperationView now) {
        VendorErrorTable table = endpoint.endpoint().errors();
        for (String code : is.keySet()) {
            if (was.containsKey(code) || !code.matches("[45]\\d\\d")) {
                continue;
            }
            int status = Integer.parseInt(code);
            String description = is.get(code).getDescription();
            String shown = description == null || description.isBlank() ? code : code + " " + description;
            String pointer = now.pointer() + "/responses/" + code;
            if (table.hasRow(status)) {
                add(Kind.ERROR_CODE_TRANSLATED, endpoint.operation(), "responses", pointer, null, shown,
                        "Translated as " + table.codeFor(status) + " by " + endpoint.declaredAs() + "'s error table.");
            } else if (status >= 500) {
                add(Kind.ERROR_CODE_TRANSLATED, endpoint.operation(), "responses", pointer, null, shown,
                        "Answered 502 UPSTREAM_ERROR with the vendor's body, as every vendor 5xx.");
            } else {
                add(Kind.ERROR_CODE_UNTRANSLATED, endpoint.operation(), "responses", pointer, null, shown,
                        endpoint.declaredAs() + "'s error table has no row for " + code + ": it would be answered 502"
                                + " UPSTREAM_ERROR with the vendor's body. Add .with(" + code + ", ProblemCode...) if it means"
                                + " something the contract names.");
            }
        }
    }

    private void add(Kind kind, String operation, String field, String pointer, String before, String after, String impact) {
        findings.add(kind.at(operation, field, pointer, before, after, impact));
    }

    /** The same change seen through two operations (a retry and a read share a schema) is one finding. */
    private static List<Finding> merged(List<Finding> findings) {
        Map<List<String>, Finding> merged = new LinkedHashMap<>();
        for (Finding finding : findings) {
            List<String> key = java.util.Arrays.asList(finding.kind(), finding.pointer(), finding.field(), finding.before(), finding.after());
            merged.merge(key, finding, (first, again) -> new Finding(first.severity(), first.kind(),
                    first.operation() + ", " + again.operation(), first.field(), first.pointer(), first.before(),
                    first.after(), first.impact()));
        }
        return List.copyOf(merged.values());
    }
}
