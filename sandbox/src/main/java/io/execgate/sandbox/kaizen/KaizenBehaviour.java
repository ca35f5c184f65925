package io.execgate.sandbox.kaizen;

import io.execgate.sandbox.Keys;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.sandbox.SeedIds;
import io.execgate.sandbox.Seeds;
import io.execgate.sandbox.SimulatedAnswer;
import io.execgate.sandbox.SimulatedVendor;
import io.execgate.sandbox.Timeline;
import io.execgate.sandbox.VendorBehaviour;
import io.execgate.vendor.kaizen.model.RetryExecutionResponse;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kaizen as specs/vendors/kaizen.yaml and unified-api.md describe it: a bearer key (401 without one,
 * 403 for a wrong one), a retry that creates a new execution {@code Enqueued → InProgress →
 * Completed}, and a refusal that is HTTP 200 with {@code success: false}.
 */
@Singleton
@SimulatedVendor(port = 8101)
final class KaizenBehaviour implements VendorBehaviour {
    static final List<String> STATUSES = List.of("Enqueued", "InProgress", "Processing", "Paused", "Completed", "Failed");
    private static final Set<String> RETRYABLE = Set.of("Failed", "Completed");

    @Override
    public Map<String, String> credentials(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public Optional<SimulatedAnswer> refuseCredentials(HttpRequest<?> request, String apiKey) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(new SimulatedAnswer(401, errorBody(401, "Unauthorized")));
        }
        if (!Keys.matches(authorization.substring(7).trim(), apiKey)) {
            return Optional.of(new SimulatedAnswer(403, errorBody(403, "Forbidden: invalid API key")));
        }
        return Optional.empty();
    }

    @Override
    public List<SandboxExecution> seed(Instant now) {
        return Seeds.oneEach(STATUSES, Set.of("Failed"), now,
                status -> "exec_" + SeedIds.hex("kaizen", status),
                workflow -> "wf_" + SeedIds.hex("kaizen", workflow));
    }

    @Override
    public boolean retryable(String status) {
        return RETRYABLE.contains(status);
    }

    @Override
    public SandboxExecution retry(SandboxExecution original, Instant now, Duration step) {
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        return new SandboxExecution("exec_" + HexFormat.of().formatHex(id), original.workflowId(),
                original.workflowName(), now, Timeline.of(now, step, "Enqueued", "InProgress", "Completed"),
                original.id(), null);
    }

    @Override
    public SimulatedAnswer notFound(String id) {
        return new SimulatedAnswer(404, errorBody(404, "Execution not found"));
    }

    @Override
    public SimulatedAnswer notRetryable(SandboxExecution execution, String status) {
        return new SimulatedAnswer(200, new RetryExecutionResponse(false)
                .message("Execution " + execution.id() + " is " + status + " and cannot be retried"));
    }

    @Override
    public SimulatedAnswer invalidInput(String message) {
        return new SimulatedAnswer(400, errorBody(400, message));
    }

    @Override
    public Object errorBody(int status, String message) {
        return Map.of("message", message);
    }
}
