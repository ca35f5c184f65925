package io.execgate.adapter.problem;

import io.execgate.api.model.ProblemCode;
import io.execgate.api.model.ProblemError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A vendor's non-success answers as data: HTTP status to problem code, after the contract's error
 * table. Each vendor starts from {@link #standard()} and declares only where it differs, so its
 * quirks read as a short list (Feign's annotation error decoder, without its re-sends).
 */
public final class VendorErrorTable {
    private final Map<Integer, ProblemCode> codes;
    private final Function<Object, List<ProblemError>> validationErrors;

    private VendorErrorTable(Map<Integer, ProblemCode> codes, Function<Object, List<ProblemError>> validationErrors) {
        this.codes = Map.copyOf(codes);
        this.validationErrors = validationErrors;
    }

    /** 401/403 auth failed, 404 not found, 422 validation, 429 rate limited; anything else upstream error. */
    public static VendorErrorTable standard() {
        return new VendorErrorTable(Map.of(
                401, ProblemCode.VENDOR_AUTH_FAILED,
                403, ProblemCode.VENDOR_AUTH_FAILED,
                404, ProblemCode.EXECUTION_NOT_FOUND,
                422, ProblemCode.VENDOR_VALIDATION_ERROR,
                429, ProblemCode.RATE_LIMITED), body -> List.of());
    }

    /** This vendor answers {@code status} for {@code code}. */
    public VendorErrorTable with(int status, ProblemCode code) {
        Map<Integer, ProblemCode> copy = new HashMap<>(codes);
        copy.put(status, code);
        return new VendorErrorTable(copy, validationErrors);
    }

    /** How to read the {@code errors} list out of this vendor's 422 body (given as plain JSON values). */
    public VendorErrorTable validationErrors(Function<Object, List<ProblemError>> reader) {
        return new VendorErrorTable(codes, reader);
    }

    /** The code for a vendor status that is not the success of the operation (3xx, 4xx, 5xx, odd 2xx). */
    public ProblemCode codeFor(int vendorStatus) {
        return codes.getOrDefault(vendorStatus, ProblemCode.UPSTREAM_ERROR);
    }

    /** Whether this vendor status has its own row; any other non-success status is {@code UPSTREAM_ERROR}. */
    public boolean hasRow(int vendorStatus) {
        return codes.containsKey(vendorStatus);
    }

    /** The errors list of a VENDOR_VALIDATION_ERROR; never empty, as the contract requires. */
    public List<ProblemError> errorsFor(ProblemCode code, Object body) {
        if (code != ProblemCode.VENDOR_VALIDATION_ERROR) {
            return List.of();
        }
        List<ProblemError> read;
        try {
            read = validationErrors.apply(body);
        } catch (RuntimeException unreadable) {
            read = List.of();
        }
        return read.isEmpty()
                ? List.of(new ProblemError("vendor", "The vendor rejected the request; see vendorError."))
                : read;
    }
}
