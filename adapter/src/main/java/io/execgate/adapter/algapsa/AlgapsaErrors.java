package io.execgate.adapter.algapsa;

import io.execgate.adapter.problem.VendorErrorTable;
import io.execgate.api.model.ProblemCode;

/**
 * AlgaPSA's error answers ({@code {"error":{code,message,details}}}). A 403 means the key lacks
 * {@code automation:execute}, not a bad key; 409 (newer servers) and 400 mean the execution is not
 * {@code failed}. Older servers answer 500 for both not-found and not-failed, which stays an
 * upstream error with the vendor's words passed on (unified-api.md, "Known vendor behaviour").
 */
final class AlgapsaErrors {
    static final VendorErrorTable RETRY = VendorErrorTable.standard()
            .with(403, ProblemCode.VENDOR_FORBIDDEN)
            .with(409, ProblemCode.NOT_RETRYABLE)
            .with(400, ProblemCode.NOT_RETRYABLE);

    static final VendorErrorTable READ = VendorErrorTable.standard()
            .with(403, ProblemCode.VENDOR_FORBIDDEN);

    private AlgapsaErrors() {
    }
}
