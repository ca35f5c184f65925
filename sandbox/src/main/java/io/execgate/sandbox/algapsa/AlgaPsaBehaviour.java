package io.execgate.sandbox.algapsa;

import io.execgate.sandbox.Keys;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.sandbox.SeedIds;
import io.execgate.sandbox.Seeds;
import io.execgate.sandbox.SimulatedAnswer;
import io.execgate.sandbox.SimulatedVendor;
import io.execgate.sandbox.Timeline;
import io.execgate.sandbox.VendorBehaviour;
import io.execgate.vendor.algapsa.model.AutomationErrorResponse;
import io.execgate.vendor.algapsa.model.AutomationErrorResponseError;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AlgaPSA as its published document, its overlay and unified-api.md describe a current server:
 * {@code x-api-key} (401), errors as {@code {"error":{"code","message"}}}, 404 for an unknown id,
 * 409 for a retry of an execution that is not {@code failed}, and a retry that resets the same
 * execution {@code pending → running → completed}.
 */
@Singleton
@SimulatedVendor(port = 8103)
final class AlgaPsaBehaviour implements VendorBehaviour {
    static final List<String> STATUSES = List.of("pending", "running", "completed", "failed", "cancelled", "timeout", "skipped");

    @Override
    public Map<String, String> credentials(String apiKey) {
        return Map.of("x-api-key", apiKey);
    }

    @Override
    public Optional<SimulatedAnswer> refuseCredentials(HttpRequest<?> request, String apiKey) {
        return Keys.matches(request.getHeaders().get("x-api-key"), apiKey) ? Optional.empty()
                : Optional.of(new SimulatedAnswer(401, errorBody(401, "Invalid API key")));
    }

    @Override
    public List<SandboxExecution> seed(Instant now) {
        return Seeds.oneEach(STATUSES, Set.of("failed", "timeout"), now,
                status -> SeedIds.uuid("algapsa", status).toString(),
                workflow -> SeedIds.uuid("algapsa", workflow).toString());
    }

    @Override
    public boolean retryable(String status) {
        return "failed".equals(status);
    }

    @Override
    public SandboxExecution retry(SandboxExecution original, Instant now, Duration step) {
        return new SandboxExecution(original.id(), original.workflowId(), original.workflowName(), original.createdAt(),
                Timeline.of(now, step, "pending", "running", "completed"), null, null);
    }

    @Override
    public SimulatedAnswer notFound(String id) {
        return new SimulatedAnswer(404, errorBody(404, "Automation execution not found"));
    }

    @Override
    public SimulatedAnswer notRetryable(SandboxExecution execution, String status) {
        return new SimulatedAnswer(409, errorBody(409, "Only failed executions can be retried (status: " + status + ")"));
    }

    @Override
    public SimulatedAnswer invalidInput(String message) {
        return new SimulatedAnswer(400, errorBody(400, message));
    }

    @Override
    public Object errorBody(int status, String message) {
        String code = switch (status) {
            case 400 -> "VALIDATION_ERROR";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 429 -> "RATE_LIMITED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        return new AutomationErrorResponse(new AutomationErrorResponseError(code, message));
    }
}
