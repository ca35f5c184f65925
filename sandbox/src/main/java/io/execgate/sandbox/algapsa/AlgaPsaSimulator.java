package io.execgate.sandbox.algapsa;

import io.execgate.sandbox.ExecutionBook;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.vendor.algapsa.model.AutomationExecution;
import io.execgate.vendor.algapsa.model.AutomationExecutionResponse;
import io.execgate.vendor.algapsa.server.AutomationApi;
import io.micronaut.http.annotation.Controller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * AlgaPSA's automation-execution API, generated from specs/vendors/algapsa.yaml, over the sandbox's executions.
 * Not final: the generated interface's validation is applied by a generated subclass.
 */
@Controller
class AlgaPsaSimulator implements AutomationApi {
    private static final UUID DEFAULT_TENANT = UUID.fromString("6f1c8a3e-2b4d-4e5f-9a7b-0c1d2e3f4a5b");
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled", "timeout", "skipped");
    private static final int ACTIONS = 5;

    private final ExecutionBook book;
    private final Clock clock;

    AlgaPsaSimulator(ExecutionBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public AutomationExecutionResponse apiV1AutomationExecutionsIdGet(UUID id, String xtenantId) {
        return new AutomationExecutionResponse(render(book.get(id.toString()), xtenantId));
    }

    @Override
    public AutomationExecutionResponse apiV1AutomationExecutionsIdRetryPost(UUID id, String xtenantId) {
        return new AutomationExecutionResponse(render(book.retry(id.toString()), xtenantId));
    }

    private AutomationExecution render(SandboxExecution e, String tenantHeader) {
        Instant now = clock.instant();
        String status = e.status(now);
        boolean failed = "failed".equals(status) || "timeout".equals(status);
        int done = "completed".equals(status) ? ACTIONS : failed ? 3 : "running".equals(status) ? 2 : 0;
        AutomationExecution execution = new AutomationExecution(UUID.fromString(e.id()), UUID.fromString(e.workflowId()),
                status, ACTIONS, done, failed ? 1 : 0, tenant(tenantHeader))
                .triggerData(Map.of("source", "schedule"))
                .links(links(e.id(), status));
        Instant started = e.timeline().reached("running", now).orElse("pending".equals(status) ? null : e.createdAt());
        if (started != null) {
            execution.startedAt(started.atZone(ZoneOffset.UTC));
        }
        if (FINISHED.contains(status) && started != null) {
            Instant completed = e.timeline().changedAt(now).isAfter(started) ? e.timeline().changedAt(now) : started.plusSeconds(240);
            execution.completedAt(completed.atZone(ZoneOffset.UTC))
                    .durationMs(BigDecimal.valueOf(completed.toEpochMilli() - started.toEpochMilli()));
        }
        if (failed) {
            execution.errorMessage(e.failureReason()).failedActionIndex(3);
        }
        return execution;
    }

    private static Map<String, Object> links(String id, String status) {
        String self = "/api/v1/automation/executions/" + id;
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Map.of("href", self, "method", "GET"));
        if ("failed".equals(status)) {
            links.put("retry", Map.of("href", self + "/retry", "method", "POST"));
        }
        return links;
    }

    private static UUID tenant(String header) {
        try {
            return Optional.ofNullable(header).map(UUID::fromString).orElse(DEFAULT_TENANT);
        } catch (IllegalArgumentException notAUuid) {
            return DEFAULT_TENANT;
        }
    }
}
