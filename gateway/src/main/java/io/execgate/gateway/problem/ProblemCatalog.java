package io.execgate.gateway.problem;

import io.execgate.api.model.Outcome;
import io.execgate.api.model.ProblemCode;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The contract's error table: HTTP status, {@code retryable}, {@code outcome} and the standard
 * {@code detail} of every code. A problem says more than its code's text only where one code has
 * several causes a caller acts on differently (which way a vendor call failed).
 */
public final class ProblemCatalog {
    private record Row(int status, boolean retryable, Outcome outcome, String detail) {
    }

    private static final Map<ProblemCode, Row> ROWS = new EnumMap<>(ProblemCode.class);

    static {
        row(ProblemCode.INVALID_REQUEST, 400, false, Outcome.NOT_SENT,
                "The request is invalid; nothing was sent to the vendor.");
        row(ProblemCode.UNKNOWN_VENDOR, 404, false, Outcome.NOT_SENT,
                "No configured vendor has this name; GET /v1/vendors lists them.");
        row(ProblemCode.NOT_FOUND, 404, false, Outcome.NOT_SENT,
                "No such resource; the API is under /v1, documented at /docs/.");
        row(ProblemCode.METHOD_NOT_ALLOWED, 405, false, Outcome.NOT_SENT,
                "This method is not allowed on this resource.");
        row(ProblemCode.REQUEST_TIMEOUT, 408, true, Outcome.NOT_SENT,
                "The request did not arrive in time; nothing was sent to the vendor.");
        row(ProblemCode.UNAUTHENTICATED, 401, false, Outcome.NOT_SENT,
                "A valid client key is required: Authorization: Bearer <key>.");
        row(ProblemCode.FORBIDDEN, 403, false, Outcome.NOT_SENT,
                "This client may not use this vendor.");
        row(ProblemCode.OPERATION_NOT_SUPPORTED, 501, false, Outcome.NOT_SENT,
                "This vendor's spec has no such operation; nothing was sent.");
        row(ProblemCode.IDEMPOTENCY_KEY_REUSED, 422, false, Outcome.NOT_SENT,
                "This Idempotency-Key was used for a different request (vendor, id, body or include).");
        row(ProblemCode.IDEMPOTENCY_IN_PROGRESS, 409, true, Outcome.NOT_SENT,
                "A request with this Idempotency-Key is still running; send it again later.");
        row(ProblemCode.VENDOR_AUTH_FAILED, 502, false, Outcome.REJECTED,
                "The vendor rejected the gateway's credentials.");
        row(ProblemCode.VENDOR_FORBIDDEN, 502, false, Outcome.REJECTED,
                "The gateway's vendor key lacks permission for this operation.");
        row(ProblemCode.EXECUTION_NOT_FOUND, 404, false, Outcome.REJECTED,
                "The vendor has no such execution.");
        row(ProblemCode.NOT_RETRYABLE, 409, false, Outcome.REJECTED,
                "The vendor refused the retry: the execution is not in a retryable state.");
        row(ProblemCode.VENDOR_VALIDATION_ERROR, 422, false, Outcome.REJECTED,
                "The vendor rejected the request as invalid.");
        row(ProblemCode.RATE_LIMITED, 429, true, Outcome.REJECTED,
                "The vendor is limiting requests; try again after Retry-After.");
        row(ProblemCode.UPSTREAM_ERROR, 502, false, Outcome.UNKNOWN,
                "The vendor answered with an error; it may have acted on the request.");
        row(ProblemCode.UPSTREAM_TIMEOUT, 504, false, Outcome.UNKNOWN,
                "The vendor did not answer within the read timeout; it may have acted on the request.");
        row(ProblemCode.UPSTREAM_UNAVAILABLE, 503, true, Outcome.NOT_SENT,
                "The vendor could not be reached; nothing was sent.");
        row(ProblemCode.INTERNAL_ERROR, 500, false, Outcome.UNKNOWN,
                "The gateway failed; the vendor may have been called.");
        if (ROWS.size() != ProblemCode.values().length) {
            throw new IllegalStateException("every ProblemCode of specs/gateway.yaml needs a row");
        }
    }

    private ProblemCatalog() {
    }

    private static void row(ProblemCode code, int status, boolean retryable, Outcome outcome, String detail) {
        ROWS.put(code, new Row(status, retryable, outcome, detail));
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

    /** The code's standard {@code detail}. */
    public static String detail(ProblemCode code) {
        return ROWS.get(code).detail();
    }

    /** The problem's {@code type}: a relative URI, {@code /problems/upstream-timeout}. */
    public static String type(ProblemCode code) {
        return "/problems/" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
