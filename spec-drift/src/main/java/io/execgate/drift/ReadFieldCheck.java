package io.execgate.drift;

import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * READ_FIELD_REMOVED: a field the adapter reads in a success answer is gone. A read still there is
 * handed on to {@link ReadTypeCheck} and {@link EnumValueCheck}, in that order, as it is found.
 */
final class ReadFieldCheck implements DependencyChecker {

    @Override
    public void check(CalledOperation call, Findings findings) {
        Map<String, ApiResponse> was = call.oldResponses();
        Map<String, ApiResponse> is = call.newResponses();
        Set<String> isSuccess = CalledOperation.successCodes(is);
        for (String code : CalledOperation.successCodes(was)) {
            // a success code that changed is SUCCESS_CODE_CHANGED; its body is compared with the new success's
            String newCode = isSuccess.contains(code) ? code : isSuccess.stream().findFirst().orElse(null);
            SchemaView oldBody = call.before().jsonBody(was.get(code), call.old().pointer() + "/responses/" + code);
            SchemaView newBody = newCode == null ? null
                    : call.after().jsonBody(is.get(newCode), call.now().pointer() + "/responses/" + newCode);
            if (oldBody != null) {
                reads(call, code, oldBody, newBody, findings);
            }
        }
    }

    private static void reads(CalledOperation call, String code, SchemaView oldBody, SchemaView newBody, Findings findings) {
        Map<AdapterRead, List<ReadLocator.Location>> byRead = new LinkedHashMap<>();
        ReadLocator.locate(oldBody, call.adapter().reads())
                .forEach(location -> byRead.computeIfAbsent(location.read(), read -> new ArrayList<>()).add(location));
        // reads lost under one missing parent are reported once, at that parent
        Map<List<String>, List<ReadLocator.Location>> gone = new LinkedHashMap<>();
        byRead.forEach((read, locations) -> {
            Optional<ReadLocator.Location> kept = newBody == null ? Optional.empty()
                    : locations.stream().filter(location -> !ReadLocator.resolve(newBody, location).isEmpty()).findFirst();
            if (kept.isEmpty()) {
                List<String> path = locations.get(0).path();
                gone.computeIfAbsent(newBody == null ? path : ReadLocator.missingPrefix(newBody, path), missing -> new ArrayList<>())
                        .add(locations.get(0));
            } else {
                ReadTypeCheck.compare(call, code, kept.get(), oldBody, newBody, findings);
                EnumValueCheck.compare(call, code, kept.get(), oldBody, newBody, findings);
            }
        });
        gone.forEach((missing, locations) -> removed(call.operation(), code, missing, locations, oldBody, newBody, findings));
    }

    private static void removed(String operation, String code, List<String> missing, List<ReadLocator.Location> locations,
                                SchemaView oldBody, SchemaView newBody, Findings findings) {
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
        findings.add(Kind.READ_FIELD_REMOVED, operation, code + " body: " + ReadLocator.dotted(missing), pointer, SchemaView.typeOf(old), null,
                String.join(", ", readers) + " read" + (readers.size() == 1 ? "s " : " ") + fields
                        + (paths.size() == 1 ? "; without it the unified answer loses that value." : "; without them the unified answer loses those values.")
                        + hint);
    }
}
