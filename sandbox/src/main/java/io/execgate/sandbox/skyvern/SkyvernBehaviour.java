package io.execgate.sandbox.skyvern;

import io.execgate.sandbox.Keys;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.sandbox.SeedIds;
import io.execgate.sandbox.Seeds;
import io.execgate.sandbox.SimulatedAnswer;
import io.execgate.sandbox.SimulatedVendor;
import io.execgate.sandbox.Timeline;
import io.execgate.sandbox.VendorBehaviour;
import io.execgate.vendor.skyvern.model.HTTPValidationError;
import io.execgate.vendor.skyvern.model.SkyvernErrorDetail;
import io.execgate.vendor.skyvern.model.SkyvernUnexpectedError;
import io.execgate.vendor.skyvern.model.ValidationError;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Skyvern as its published document and unified-api.md describe it: {@code x-api-key}, refused with
 * 403 (never 401); 404 {@code Workflow run not found}; 400 {@code Only terminal workflow runs can be
 * retried}; 500 {@code {"error": "Unexpected error: …"}}; a retry that creates a new run
 * {@code created → queued → running → completed}.
 */
@Singleton
@SimulatedVendor(port = 8104)
final class SkyvernBehaviour implements VendorBehaviour {
    static final List<String> STATUSES =
            List.of("created", "queued", "running", "paused", "timed_out", "failed", "terminated", "completed", "canceled");
    static final Set<String> TERMINAL = Set.of("timed_out", "failed", "terminated", "completed", "canceled");

    @Override
    public Map<String, String> credentials(String apiKey) {
        return Map.of("x-api-key", apiKey);
    }

    @Override
    public Optional<SimulatedAnswer> refuseCredentials(HttpRequest<?> request, String apiKey) {
        return Keys.matches(request.getHeaders().get("x-api-key"), apiKey) ? Optional.empty()
                : Optional.of(new SimulatedAnswer(403, new SkyvernErrorDetail("Could not validate credentials")));
    }

    @Override
    public List<SandboxExecution> seed(Instant now) {
        return Seeds.oneEach(STATUSES, Set.of("failed", "terminated", "timed_out"), now,
                status -> "wr_" + SeedIds.digits("skyvern", status),
                workflow -> "wpid_" + SeedIds.digits("skyvern", workflow));
    }

    @Override
    public boolean retryable(String status) {
        return TERMINAL.contains(status);
    }

    @Override
    public SandboxExecution retry(SandboxExecution original, Instant now, Duration step) {
        String id = "wr_" + (100_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000_000_000_000L));
        return new SandboxExecution(id, original.workflowId(), original.workflowName(), now,
                Timeline.of(now, step, "created", "queued", "running", "completed"), original.id(), null);
    }

    @Override
    public SimulatedAnswer notFound(String id) {
        return new SimulatedAnswer(404, new SkyvernErrorDetail("Workflow run not found"));
    }

    @Override
    public SimulatedAnswer notRetryable(SandboxExecution execution, String status) {
        return new SimulatedAnswer(400, new SkyvernErrorDetail("Only terminal workflow runs can be retried"));
    }

    @Override
    public SimulatedAnswer invalidInput(String message) {
        return new SimulatedAnswer(422, errorBody(422, message));
    }

    @Override
    public Object errorBody(int status, String message) {
        if (status >= 500) {
            return new SkyvernUnexpectedError("Unexpected error: " + message);
        }
        if (status == 422) {
            return new HTTPValidationError().detail(List.of(new ValidationError(List.<Object>of("header"), message, "value_error")));
        }
        return new SkyvernErrorDetail(message);
    }
}
