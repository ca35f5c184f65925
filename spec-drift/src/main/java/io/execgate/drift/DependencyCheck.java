package io.execgate.drift;

import java.util.List;
import java.util.Optional;

/**
 * The semantic layer: compares, for each operation a vendor's adapter calls, what the adapter
 * relies on (auth, parameters, body, success code, fields read, statuses mapped, errors
 * translated) in the old document with the new one.
 */
final class DependencyCheck {
    /**
     * What is checked in an operation both documents describe. The order is the order findings
     * are reported in within one severity, so it is part of the output: keep it.
     */
    private static final List<DependencyChecker> CHECKERS = List.of(
            new AuthCheck(),
            new RequiredParameterCheck(),
            new RequestBodyCheck(),
            new SuccessCodeCheck(),
            new ReadFieldCheck(),
            new ErrorCodeCheck());

    private DependencyCheck() {
    }

    static List<Finding> compare(VendorDependencies adapter, SpecDocument before, SpecDocument after) {
        Findings findings = new Findings();
        for (AdapterEndpoint endpoint : adapter.endpoints()) {
            Optional<SpecDocument.OperationView> old = before.operation(endpoint.endpoint());
            Optional<SpecDocument.OperationView> now = after.operation(endpoint.endpoint());
            if (old.isPresent() && now.isPresent()) {
                CalledOperation call = new CalledOperation(adapter, endpoint, before, after, old.get(), now.get());
                CHECKERS.forEach(checker -> checker.check(call, findings));
            } else {
                // with one side missing there is nothing to compare inside the operation
                OperationPresenceCheck.check(adapter, endpoint, before, after, old, now, findings);
            }
        }
        return findings.merged();
    }
}
