package io.execgate.sandbox.n8n;

import io.execgate.sandbox.Keys;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.sandbox.SeedIds;
import io.execgate.sandbox.Seeds;
import io.execgate.sandbox.SimulatedAnswer;
import io.execgate.sandbox.SimulatedVendor;
import io.execgate.sandbox.Timeline;
import io.execgate.sandbox.VendorBehaviour;
import io.execgate.vendor.n8n.model.ErrorMessage;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * n8n as its public API's server code answers (specs/vendors/n8n.overlay.yaml cites it): every error is
 * {@code {"message": "…"}}; 401 without or with a wrong {@code X-N8N-API-KEY}; 404 for an unknown id; a
 * retry refuses only an execution still queued ({@code new}: 409) or one that succeeded (400, the
 * document's era), and makes a new execution {@code running → success} with {@code retryOf} set.
 * Ids are decimal numbers, as n8n's auto-incremented executions are.
 */
@Singleton
@SimulatedVendor(port = 8105)
final class N8nBehaviour implements VendorBehaviour {
    static final List<String> STATUSES =
            List.of("new", "running", "waiting", "success", "error", "crashed", "canceled", "unknown");
    static final Set<String> FINISHED = Set.of("success", "error", "crashed", "canceled");
    private static final String KEY_HEADER = "X-N8N-API-KEY";

    /** Retries count on from here: above every seeded id, as n8n's ids only grow. */
    private final AtomicLong nextId = new AtomicLong(2000);

    @Override
    public Map<String, String> credentials(String apiKey) {
        return Map.of(KEY_HEADER, apiKey);
    }

    @Override
    public Optional<SimulatedAnswer> refuseCredentials(HttpRequest<?> request, String apiKey) {
        String key = request.getHeaders().get(KEY_HEADER);
        if (key == null) {
            return Optional.of(new SimulatedAnswer(401, new ErrorMessage("'X-N8N-API-KEY' header required")));
        }
        return Keys.matches(key, apiKey) ? Optional.empty()
                : Optional.of(new SimulatedAnswer(401, new ErrorMessage("unauthorized")));
    }

    @Override
    public String failedStatus() {
        return "error";
    }

    @Override
    public List<SandboxExecution> seed(Instant now) {
        return Seeds.oneEach(STATUSES, Set.of("error", "crashed"), now,
                status -> String.valueOf(1000 + STATUSES.indexOf(status)),
                workflow -> SeedIds.hex("n8n", workflow));
    }

    @Override
    public boolean retryable(String status) {
        return !"new".equals(status) && !"success".equals(status);
    }

    @Override
    public SandboxExecution retry(SandboxExecution original, Instant now, Duration step) {
        return new SandboxExecution(String.valueOf(nextId.getAndIncrement()), original.workflowId(),
                original.workflowName(), now, Timeline.of(now, step, "running", "success"), original.id(), null);
    }

    @Override
    public SimulatedAnswer notFound(String id) {
        return new SimulatedAnswer(404, new ErrorMessage("The execution with the ID \"" + id + "\" does not exist."));
    }

    @Override
    public SimulatedAnswer notRetryable(SandboxExecution execution, String status) {
        return "new".equals(status)
                ? new SimulatedAnswer(409, new ErrorMessage("Execution is queued to run (not yet started) so it cannot be retried"))
                : new SimulatedAnswer(400, new ErrorMessage("The execution succeeded, so it cannot be retried."));
    }

    @Override
    public SimulatedAnswer invalidInput(String message) {
        return new SimulatedAnswer(400, errorBody(400, message));
    }

    @Override
    public Object errorBody(int status, String message) {
        return new ErrorMessage(message);
    }
}
