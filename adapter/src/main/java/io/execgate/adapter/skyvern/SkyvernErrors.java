package io.execgate.adapter.skyvern;

import io.execgate.adapter.problem.FastApiErrors;
import io.execgate.adapter.problem.VendorErrorTable;
import io.execgate.api.model.ProblemCode;

/**
 * Skyvern's error answers. It answers a bad key with 403, never 401 (standard row), a run that is
 * not terminal with 400 {@code "Only terminal workflow runs can be retried"}, and 422 in FastAPI's
 * shape (unified-api.md, "Known vendor behaviour").
 */
final class SkyvernErrors {
    static final VendorErrorTable RETRY = VendorErrorTable.standard()
            .with(400, ProblemCode.NOT_RETRYABLE)
            .validationErrors(FastApiErrors::read);

    static final VendorErrorTable READ = VendorErrorTable.standard()
            .validationErrors(FastApiErrors::read);

    private SkyvernErrors() {
    }
}
