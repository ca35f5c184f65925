package io.execgate.drift;

import java.util.Optional;

/** An operation the adapter calls that one document, or neither, describes. */
final class OperationPresenceCheck {

    private OperationPresenceCheck() {
    }

    /** Called only when at least one document lacks the operation. */
    static void check(VendorDependencies adapter, AdapterEndpoint endpoint, SpecDocument before, SpecDocument after,
                      Optional<SpecDocument.OperationView> old, Optional<SpecDocument.OperationView> now, Findings findings) {
        String operation = endpoint.operation();
        if (old.isEmpty() && now.isEmpty()) {
            findings.add(Kind.OPERATION_UNDOCUMENTED, operation, null, "/paths", null, null,
                    endpoint.declaredAs() + " calls it, but neither document has it: is this " + adapter.vendor() + "'s spec?");
        } else if (old.isEmpty()) {
            findings.add(Kind.OPERATION_DOCUMENTED, operation, null, now.get().pointer(), null, operation,
                    endpoint.declaredAs() + " calls it; the old document did not describe it, so there is nothing to compare.");
        } else {
            // still breaking when it only moved: the adapter calls the old path
            String moved = MovedOperation.find(old.get(), before, after)
                    .map(candidate -> " Moved to " + candidate.operation() + "? (" + candidate.because() + ")").orElse("");
            findings.add(Kind.OPERATION_REMOVED, operation, null, old.get().pointer(), operation, null,
                    endpoint.declaredAs() + " calls it: every such call to " + adapter.vendor() + " would fail." + moved);
        }
    }
}
