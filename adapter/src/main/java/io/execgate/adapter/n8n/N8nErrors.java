package io.execgate.adapter.n8n;

import io.execgate.adapter.problem.VendorErrorTable;
import io.execgate.api.model.ProblemCode;

/**
 * n8n's error answers, each {@code {"message": "…"}} (specs/vendors/n8n.overlay.yaml cites the server code).
 * Retry: 409 for an execution still queued or aborted before it started (newer servers: also one that
 * succeeded), 400 for one that succeeded (the document's era: an UnexpectedError its error handler answers
 * with 400), 403 when the key lacks the {@code execution:retry} scope, 404 for an unknown execution or one
 * whose workflow was deleted (its executions go with it). n8n retries {@code error}, {@code crashed},
 * {@code canceled} and even {@code running} executions (executions.service.ts checks only {@code new},
 * aborted and finished); a 500 stays an upstream error: it may have started a run.
 */
final class N8nErrors {
    static final VendorErrorTable RETRY = VendorErrorTable.standard()
            .with(400, ProblemCode.NOT_RETRYABLE)
            .with(403, ProblemCode.VENDOR_FORBIDDEN)
            .with(409, ProblemCode.NOT_RETRYABLE);

    static final VendorErrorTable READ = VendorErrorTable.standard()
            .with(403, ProblemCode.VENDOR_FORBIDDEN);

    private N8nErrors() {
    }
}
