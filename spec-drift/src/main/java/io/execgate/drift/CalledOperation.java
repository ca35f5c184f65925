package io.execgate.drift;

import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One operation an adapter calls, as the old and the new document describe it: what every
 * {@link DependencyChecker} is handed.
 *
 * @param adapter  what the vendor's adapter depends on
 * @param endpoint the adapter's constant for the operation
 * @param before   the old document
 * @param after    the new document
 * @param old      the operation in the old document
 * @param now      the operation in the new document
 */
record CalledOperation(VendorDependencies adapter, AdapterEndpoint endpoint, SpecDocument before, SpecDocument after,
                       SpecDocument.OperationView old, SpecDocument.OperationView now) {

    /** {@code POST /path}, as findings name it. */
    String operation() {
        return endpoint.operation();
    }

    /** The old document's responses of the operation by code, references resolved. */
    Map<String, ApiResponse> oldResponses() {
        return responses(before, old);
    }

    /** The new document's responses of the operation by code, references resolved. */
    Map<String, ApiResponse> newResponses() {
        return responses(after, now);
    }

    /** The 2xx codes among responses, sorted: the answers the adapter decodes. */
    static Set<String> successCodes(Map<String, ApiResponse> responses) {
        return responses.keySet().stream().filter(code -> code.startsWith("2")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, ApiResponse> responses(SpecDocument document, SpecDocument.OperationView operation) {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        if (operation.operation().getResponses() != null) {
            operation.operation().getResponses().forEach((code, response) -> responses.put(code, document.response(response)));
        }
        return responses;
    }
}
