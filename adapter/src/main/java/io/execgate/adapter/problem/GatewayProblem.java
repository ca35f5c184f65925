package io.execgate.adapter.problem;

import io.execgate.api.model.Outcome;
import io.execgate.api.model.ProblemCode;
import io.execgate.api.model.ProblemError;

import java.util.List;

/**
 * A failure with its place in the contract's error table. Thrown by validation, adapters and the
 * vendor client; rendered as {@code application/problem+json} in one place by the gateway.
 *
 * <p>The exception message is the code only and there is no stack trace: nothing a vendor said
 * or a secret can leak through {@code getMessage()} or a log line.
 */
public final class GatewayProblem extends RuntimeException {
    private final ProblemCode code;
    private final String detail;
    private final List<ProblemError> errors;
    private final VendorAnswer vendorAnswer;

    private GatewayProblem(ProblemCode code, String detail, List<ProblemError> errors, VendorAnswer vendorAnswer) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.vendorAnswer = vendorAnswer;
    }

    public static GatewayProblem of(ProblemCode code, String detail) {
        return new GatewayProblem(code, detail, List.of(), null);
    }

    public static GatewayProblem invalid(List<ProblemError> errors) {
        return new GatewayProblem(ProblemCode.INVALID_REQUEST, "The request is invalid; nothing was sent to the vendor.",
                errors, null);
    }

    public static GatewayProblem invalid(String location, String message) {
        return invalid(List.of(new ProblemError(location, message)));
    }

    /** A problem caused by what the vendor answered; the answer travels with it. */
    public static GatewayProblem fromVendor(ProblemCode code, String detail, VendorAnswer answer, List<ProblemError> errors) {
        return new GatewayProblem(code, detail, errors, answer);
    }

    public ProblemCode code() {
        return code;
    }

    public int status() {
        return ProblemCatalog.status(code);
    }

    public boolean retryable() {
        return ProblemCatalog.retryable(code);
    }

    public Outcome outcome() {
        return ProblemCatalog.outcome(code);
    }

    public String detail() {
        return detail;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    /** The vendor's answer, or null when the vendor did not answer. */
    public VendorAnswer vendorAnswer() {
        return vendorAnswer;
    }
}
