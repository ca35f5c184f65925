package io.execgate.sandbox.skyvern;

import io.execgate.sandbox.ExecutionBook;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.vendor.skyvern.model.FileInfo;
import io.execgate.vendor.skyvern.model.RunType1;
import io.execgate.vendor.skyvern.model.WorkflowRunResponse;
import io.execgate.vendor.skyvern.server.RunsApi;
import io.micronaut.http.annotation.Controller;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Skyvern's run API, generated from specs/vendors/skyvern.yaml, over the sandbox's executions. Every
 * run here is a workflow run ({@code run_type: workflow_run}).
 * Not final: the generated interface's validation is applied by a generated subclass.
 */
@Controller
class SkyvernSimulator implements RunsApi {
    private static final String APP = "https://app.skyvern.sandbox.invalid";
    private static final String ARTIFACTS = "https://artifacts.skyvern.sandbox.invalid/";

    private final ExecutionBook book;
    private final Clock clock;

    SkyvernSimulator(ExecutionBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public Object getRunV1RunsRunIdGet(String runId, String xapiKey) {
        return render(book.get(runId));
    }

    @Override
    public WorkflowRunResponse retryWorkflowRunV1WorkflowsRunsWorkflowRunIdRetryPost(String workflowRunId, String xapiKey,
                                                                                     Integer xmaxStepsOverride, String xuserAgent) {
        return render(book.retry(workflowRunId));
    }

    private WorkflowRunResponse render(SandboxExecution e) {
        Instant now = clock.instant();
        String status = e.status(now);
        WorkflowRunResponse run = new WorkflowRunResponse(e.id(), status, utc(e.createdAt()),
                utc(e.timeline().changedAt(now)), RunType1.WORKFLOW_RUN)
                .appUrl(APP + "/workflows/" + e.workflowId() + "/" + e.id())
                .runRequest(Map.of("workflow_id", e.workflowId(), "title", e.workflowName()));
        boolean waiting = "created".equals(status) || "queued".equals(status);
        if (!"created".equals(status)) {
            run.queuedAt(utc(e.timeline().reached("queued", now).orElse(e.createdAt())));
        }
        if (!waiting) {
            Instant started = e.timeline().reached("running", now).orElse(e.createdAt().plusSeconds(60));
            run.startedAt(utc(started))
                    .stepCount(6)
                    .screenshotUrls(List.of(ARTIFACTS + e.id() + "/screenshot_final.png"));
        }
        if (SkyvernBehaviour.TERMINAL.contains(status)) {
            run.finishedAt(utc(e.timeline().changedAt(now).isAfter(e.createdAt())
                            ? e.timeline().changedAt(now) : e.createdAt().plusSeconds(300)))
                    .recordingUrl(ARTIFACTS + e.id() + "/recording.webm")
                    .failureReason(e.failureReason());
        }
        if ("completed".equals(status)) {
            run.downloadedFiles(List.of(new FileInfo(ARTIFACTS + e.id() + "/report.pdf")
                    .filename("report.pdf").fileSize(52_344)));
        }
        return run;
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }
}
