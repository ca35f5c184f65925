package io.execgate.gateway.problem;

import io.execgate.adapter.problem.VendorAnswer;
import io.execgate.adapter.problem.VendorFailure;
import io.execgate.api.model.Outcome;
import io.execgate.api.model.ProblemCode;
import io.execgate.api.model.ProblemError;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A failure with its place in the contract's error table ({@link ProblemCatalog}). Thrown by
 * validation and the gateway's own checks, made from an adapter's {@link VendorFailure} at the
 * seam ({@link #atSeam}), rendered as {@code application/problem+json} in one place.
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
        this.detail = detail == null ? ProblemCatalog.detail(code) : detail;
        this.errors = List.copyOf(errors);
        this.vendorAnswer = vendorAnswer;
    }

    /** The code with its standard text. */
    public static GatewayProblem of(ProblemCode code) {
        return new GatewayProblem(code, null, List.of(), null);
    }

    public static GatewayProblem invalid(List<ProblemError> errors) {
        return new GatewayProblem(ProblemCode.INVALID_REQUEST, null, errors, null);
    }

    public static GatewayProblem invalid(String location, String message) {
        return invalid(List.of(new ProblemError(location, message)));
    }

    /** What an adapter or the vendor client reported, in the gateway's terms; the vendor's answer travels with it. */
    public static GatewayProblem of(VendorFailure failure) {
        return new GatewayProblem(failure.code(), failure.detail(), failure.errors(), failure.answer());
    }

    /**
     * Runs an adapter's call: a {@link VendorFailure}, thrown at once or failing the future, becomes
     * a {@code GatewayProblem}, so nothing past the seam handles the adapter's type.
     */
    public static <T> CompletableFuture<T> atSeam(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> sent;
        try {
            sent = call.get();
        } catch (VendorFailure failure) {
            return CompletableFuture.failedFuture(of(failure));
        }
        return sent.exceptionallyCompose(failed -> CompletableFuture.failedFuture(translated(failed)));
    }

    private static Throwable translated(Throwable failed) {
        Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
        return cause instanceof VendorFailure failure ? of(failure) : cause;
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
