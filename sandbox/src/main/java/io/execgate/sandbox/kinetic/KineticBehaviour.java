package io.execgate.sandbox.kinetic;

import io.execgate.sandbox.Keys;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.sandbox.SeedIds;
import io.execgate.sandbox.Seeds;
import io.execgate.sandbox.SimulatedAnswer;
import io.execgate.sandbox.SimulatedVendor;
import io.execgate.sandbox.Timeline;
import io.execgate.sandbox.VendorBehaviour;
import io.execgate.vendor.kinetic.model.HTTPError;
import io.execgate.vendor.kinetic.model.HTTPValidationError;
import io.execgate.vendor.kinetic.model.ValidationError;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Kinetic as its FastAPI document and unified-api.md describe it: {@code X-Kinetic-Key} (401 when
 * missing, 403 when wrong), errors as {@code {"detail": …}}, a retry that answers 201 with a new
 * execution {@code queued → running → completed}. Kinetic documents no refusal, so every execution
 * it knows can be retried; its status may be {@code null}, and one seeded execution has none.
 */
@Singleton
@SimulatedVendor(port = 8102)
final class KineticBehaviour implements VendorBehaviour {
    static final List<String> STATUSES = Arrays.asList("queued", "pending", "running", "paused", "completed", "failed", null);

    @Override
    public Map<String, String> credentials(String apiKey) {
        return Map.of("X-Kinetic-Key", apiKey);
    }

    @Override
    public Optional<SimulatedAnswer> refuseCredentials(HttpRequest<?> request, String apiKey) {
        String key = request.getHeaders().get("X-Kinetic-Key");
        if (key == null) {
            return Optional.of(new SimulatedAnswer(401, new HTTPError("Not authenticated")));
        }
        return Keys.matches(key, apiKey) ? Optional.empty()
                : Optional.of(new SimulatedAnswer(403, new HTTPError("Invalid API key")));
    }

    @Override
    public List<SandboxExecution> seed(Instant now) {
        return Seeds.oneEach(STATUSES, Set.of("failed"), now,
                status -> SeedIds.uuid("kinetic", String.valueOf(status)).toString(),
                workflow -> SeedIds.uuid("kinetic", workflow).toString());
    }

    @Override
    public boolean retryable(String status) {
        return true;
    }

    @Override
    public SandboxExecution retry(SandboxExecution original, Instant now, Duration step) {
        return new SandboxExecution(UUID.randomUUID().toString(), original.workflowId(), original.workflowName(), now,
                Timeline.of(now, step, "queued", "running", "completed"), original.id(), null);
    }

    @Override
    public SimulatedAnswer notFound(String id) {
        return new SimulatedAnswer(404, new HTTPError("Execution not found"));
    }

    @Override
    public SimulatedAnswer notRetryable(SandboxExecution execution, String status) {
        throw new IllegalStateException("Kinetic retries every execution");
    }

    @Override
    public SimulatedAnswer invalidInput(String message) {
        return new SimulatedAnswer(422, errorBody(422, message));
    }

    @Override
    public Object errorBody(int status, String message) {
        if (status == 422) {
            return new HTTPValidationError().detail(List.of(new ValidationError(List.<Object>of("path", "execution_uuid"), message, "value_error")));
        }
        return new HTTPError(message);
    }
}
