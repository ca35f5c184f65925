package io.execgate.adapter.kinetic;

import io.execgate.adapter.problem.FastApiErrors;
import io.execgate.adapter.problem.VendorErrorTable;

/**
 * Kinetic's error answers: the standard table (401/403 key rejected, 404, 429), with 422 in
 * FastAPI's {@code {"detail":[{loc,msg,type}]}} shape; other errors are {@code {"detail":"text"}}.
 */
final class KineticErrors {
    static final VendorErrorTable RETRY = VendorErrorTable.standard().validationErrors(FastApiErrors::read);

    private KineticErrors() {
    }
}
