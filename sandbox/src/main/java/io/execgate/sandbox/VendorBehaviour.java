package io.execgate.sandbox;

import io.micronaut.http.HttpRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One vendor's rules, as its docs and observed behaviour describe them: which key it accepts and
 * how it refuses others, what it seeds, which statuses it retries and what a retry creates, and the
 * shape of its errors. The common machinery ({@link ExecutionBook}, the filters) asks these
 * questions; the vendor's controller renders executions in the vendor's generated model.
 */
public interface VendorBehaviour {

    /** The headers a caller sends {@code apiKey} in, the vendor's way (what {@link #refuseCredentials} accepts). */
    Map<String, String> credentials(String apiKey);

    /** The vendor's own refusal when {@code request} does not carry {@code apiKey} its way. */
    Optional<SimulatedAnswer> refuseCredentials(HttpRequest<?> request, String apiKey);

    /** The vendor's status for an execution that failed (seeded, so the demo has one to retry). */
    default String failedStatus() {
        return "failed";
    }

    /** The executions a fresh simulator holds: at least one in every status the vendor documents. */
    List<SandboxExecution> seed(Instant now);

    /** Whether the vendor accepts a retry of an execution in {@code status}. */
    boolean retryable(String status);

    /** What a retry of {@code original} leaves behind: a new execution, or the same id reset. */
    SandboxExecution retry(SandboxExecution original, Instant now, Duration step);

    /** The vendor's answer for an id it does not know. */
    SimulatedAnswer notFound(String id);

    /** The vendor's answer for a retry of an execution it will not retry. */
    SimulatedAnswer notRetryable(SandboxExecution execution, String status);

    /** The vendor's answer to input it cannot read (a malformed id, header or body). */
    SimulatedAnswer invalidInput(String message);

    /** The vendor's error body for an arbitrary status (used by fault injection). */
    Object errorBody(int status, String message);
}
