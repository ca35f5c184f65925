package io.execgate.drift;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Where an operation gone from its path may have moved to: an operation of the new document, with
 * the same method, at a path the old document did not have, that keeps its operationId, or its
 * parameters and last path segment, or its summary (tried in that order: the first is the surest).
 */
final class MovedOperation {

    /** A likely new place of the operation, and what makes it likely. */
    record Candidate(String operation, String because) {
    }

    private MovedOperation() {
    }

    static Optional<Candidate> find(SpecDocument.OperationView gone, SpecDocument before, SpecDocument after) {
        Operation old = gone.operation();
        List<SpecDocument.OperationView> added = added(gone.method(), before, after);
        List<Rule> rules = List.of(
                new Rule("same operationId", (was, now) -> old.getOperationId() != null
                        && old.getOperationId().equals(now.operation().getOperationId())),
                new Rule("same parameters and last path segment", (was, now) -> lastSegment(gone.path()).equals(lastSegment(now.path()))
                        && parameters(before, gone).equals(parameters(after, now))),
                new Rule("same summary", (was, now) -> old.getSummary() != null && !old.getSummary().isBlank()
                        && old.getSummary().equals(now.operation().getSummary())));
        for (Rule rule : rules) {
            List<SpecDocument.OperationView> matches = added.stream().filter(now -> rule.test.test(gone, now)).toList();
            // two equally likely places are a guess, not a hint
            if (matches.size() == 1) {
                SpecDocument.OperationView now = matches.get(0);
                return Optional.of(new Candidate(now.method().toUpperCase(Locale.ROOT) + " " + now.path(), rule.because));
            }
        }
        return Optional.empty();
    }

    private record Rule(String because, BiPredicate<SpecDocument.OperationView, SpecDocument.OperationView> test) {
    }

    /** The new document's operations with that method at a path the old document does not have. */
    private static List<SpecDocument.OperationView> added(String method, SpecDocument before, SpecDocument after) {
        PathItem.HttpMethod wanted = PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
        List<SpecDocument.OperationView> added = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : after.api.getPaths().entrySet()) {
            Operation operation = path.getValue().readOperationsMap().get(wanted);
            PathItem was = before.api.getPaths().get(path.getKey());
            if (operation != null && (was == null || was.readOperationsMap().get(wanted) == null)) {
                added.add(new SpecDocument.OperationView(path.getKey(), method, path.getValue(), operation));
            }
        }
        return added;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code in:name} of its path-level and operation-level parameters. */
    private static Set<String> parameters(SpecDocument document, SpecDocument.OperationView operation) {
        Set<String> names = new TreeSet<>();
        for (List<Parameter> declared : java.util.Arrays.asList(operation.item().getParameters(), operation.operation().getParameters())) {
            if (declared != null) {
                declared.stream().map(document::parameter).filter(Objects::nonNull)
                        .forEach(parameter -> names.add(parameter.getIn() + ":" + String.valueOf(parameter.getName()).toLowerCase(Locale.ROOT)));
            }
        }
        return names;
    }
}
