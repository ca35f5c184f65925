package io.execgate.adapter.problem;

import io.execgate.api.model.Outcome;
import io.execgate.api.model.ProblemCode;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The contract's error table: HTTP status, {@code retryable} and {@code outcome} of every code. */
public final class ProblemCatalog {
    private record Row(int status, boolean retryable, Outcome outcome) {
    }

    private static final Map<ProblemCode, Row> ROWS = new EnumMap<>(ProblemCode.class);

    static {
        row(ProblemCode.INVALID_REQUEST, 400, false, Outcome.NOT_SENT);
        row(ProblemCode.UNKNOWN_VENDOR, 404, false, Outcome.NOT_SENT);
        row(ProblemCode.NOT_FOUND, 404, false, Outcome.NOT_SENT);
        row(ProblemCode.METHOD_NOT_ALLOWED, 405, false, Outcome.NOT_SENT);
        row(ProblemCode.REQUEST_TIMEOUT, 408, true, Outcome.NOT_SENT);
        row(ProblemCode.UNAUTHENTICATED, 401, false, Outcome.NOT_SENT);
        row(ProblemCode.FORBIDDEN, 403, false, Outcome.NOT_SENT);
        row(ProblemCode.OPERATION_NOT_SUPPORTED, 501, false, Outcome.NOT_SENT);
        row(ProblemCode.IDEMPOTENCY_KEY_REUSED, 422, false, Outcome.NOT_SENT);
        row(ProblemCode.IDEMPOTENCY_IN_PROGRESS, 409, true, Outcome.NOT_SENT);
        row(ProblemCode.VENDOR_AUTH_FAILED, 502, false, Outcome.REJECTED);
        row(ProblemCode.VENDOR_FORBIDDEN, 502, false, Outcome.REJECTED);
        row(ProblemCode.EXECUTION_NOT_FOUND, 404, false, Outcome.REJECTED);
        row(ProblemCode.NOT_RETRYABLE, 409, false, Outcome.REJECTED);
        row(ProblemCode.VENDOR_VALIDATION_ERROR, 422, false, Outcome.REJECTED);
        row(ProblemCode.RATE_LIMITED, 429, true, Outcome.REJECTED);
        row(ProblemCode.UPSTREAM_ERROR, 502, false, Outcome.UNKNOWN);
        row(ProblemCode.UPSTREAM_TIMEOUT, 504, false, Outcome.UNKNOWN);
        row(ProblemCode.UPSTREAM_UNAVAILABLE, 503, true, Outcome.NOT_SENT);
        row(ProblemCode.INTERNAL_ERROR, 500, false, Outcome.UNKNOWN);
        if (ROWS.size() != ProblemCode.values().length) {
            throw new IllegalStateException("every ProblemCode of specs/gateway.yaml needs a row");
        }
    }

    private ProblemCatalog() {
    }

    private static void row(ProblemCode code, int status, boolean retryable, Outcome outcome) {
        ROWS.put(code, new Row(status, retryable, outcome));
    }

    public static int status(ProblemCode code) {
        return ROWS.get(code).status();
    }

    public static boolean retryable(ProblemCode code) {
        return ROWS.get(code).retryable();
    }

    public static Outcome outcome(ProblemCode code) {
        return ROWS.get(code).outcome();
    }

    /** The problem's {@code type}: a relative URI, {@code /problems/upstream-timeout}. */
    public static String type(ProblemCode code) {
        return "/problems/" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
