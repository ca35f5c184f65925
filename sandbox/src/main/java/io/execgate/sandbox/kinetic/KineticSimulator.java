package io.execgate.sandbox.kinetic;

import io.execgate.sandbox.ExecutionBook;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.sandbox.SeedIds;
import io.execgate.vendor.kinetic.model.ExecutionResponse;
import io.execgate.vendor.kinetic.server.ExecutionsApi;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Kinetic's retry API, generated from specs/vendors/kinetic.yaml, over the sandbox's executions.
 * Not final: the generated interface's validation is applied by a generated subclass.
 */
@Controller
class KineticSimulator implements ExecutionsApi {
    private static final String FILES = "https://files.kinetic.sandbox.invalid/executions/";
    private static final Set<String> FINISHED = Set.of("completed", "failed");

    private final ExecutionBook book;
    private final Clock clock;

    KineticSimulator(ExecutionBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public HttpResponse<ExecutionResponse> retryExecutionApiExecutionsExecutionUuidRetryPost(String executionUuid) {
        return HttpResponse.<ExecutionResponse>status(HttpStatus.CREATED).body(render(book.retry(executionUuid)));
    }

    private ExecutionResponse render(SandboxExecution e) {
        Instant now = clock.instant();
        String status = e.status(now);
        ExecutionResponse response = new ExecutionResponse(e.id(), SeedIds.uuid("kinetic", e.workflowId() + ":v3").toString())
                .createdAt(e.createdAt().atZone(ZoneOffset.UTC))
                .updatedAt(e.timeline().changedAt(now).atZone(ZoneOffset.UTC))
                .workflowUuid(e.workflowId())
                .workflowName(e.workflowName())
                .status(status)
                .nsteps("queued".equals(status) || "pending".equals(status) ? 0 : 7);
        if (FINISHED.contains(status)) {
            response.durationMs((int) Duration.ofMinutes(4).toMillis())
                    .logsUrl(FILES + e.id() + "/logs.txt")
                    .videoUrl(FILES + e.id() + "/recording.mp4");
        }
        if ("completed".equals(status)) {
            response.outputUrl(FILES + e.id() + "/output.json");
        }
        return response;
    }
}
