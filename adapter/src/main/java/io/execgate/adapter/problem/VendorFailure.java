package io.execgate.adapter.problem;

import io.execgate.api.model.ProblemCode;
import io.execgate.api.model.ProblemError;

import java.util.List;

/**
 * What went wrong on the vendor's side of the seam: the vendor answered something that is not the
 * operation's success ({@link #answer()} holds its words), no answer came (a transport failure), or
 * the adapter cannot send the command at all. The gateway turns it into its problem document; the
 * status, {@code retryable}, {@code outcome} and standard text of each code are the gateway's
 * catalogue, not the adapter's.
 *
 * <p>The exception message is the code only and there is no stack trace: nothing a vendor said or a
 * secret can leak through {@code getMessage()} or a log line.
 */
public final class VendorFailure extends RuntimeException {
    private final ProblemCode code;
    private final String detail;
    private final List<ProblemError> errors;
    private final VendorAnswer answer;

    private VendorFailure(ProblemCode code, String detail, List<ProblemError> errors, VendorAnswer answer) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.answer = answer;
    }

    /** The vendor answered; {@code errors} only for a VENDOR_VALIDATION_ERROR. */
    public static VendorFailure answered(ProblemCode code, VendorAnswer answer, List<ProblemError> errors) {
        return new VendorFailure(code, null, errors, answer);
    }

    /** No answer to give the caller, with the code's standard text. */
    public static VendorFailure of(ProblemCode code) {
        return new VendorFailure(code, null, List.of(), null);
    }

    /** No answer, with a text that says more than the code's standard one (which way a call failed). */
    public static VendorFailure of(ProblemCode code, String detail) {
        return new VendorFailure(code, detail, List.of(), null);
    }

    /** A command this vendor cannot take (an id of the wrong form); nothing was sent. */
    public static VendorFailure invalid(List<ProblemError> errors) {
        return new VendorFailure(ProblemCode.INVALID_REQUEST, null, errors, null);
    }

    public ProblemCode code() {
        return code;
    }

    /** A text particular to this failure, or null for the code's standard text. */
    public String detail() {
        return detail;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    /** The vendor's answer, or null when the vendor did not answer. */
    public VendorAnswer answer() {
        return answer;
    }
}
