package io.execgate.sandbox.kaizen;

import io.execgate.sandbox.ExecutionBook;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.vendor.kaizen.model.DownloadFile;
import io.execgate.vendor.kaizen.model.Downloads;
import io.execgate.vendor.kaizen.model.Execution;
import io.execgate.vendor.kaizen.model.GetExecutionRequest;
import io.execgate.vendor.kaizen.model.GetExecutionResponse;
import io.execgate.vendor.kaizen.model.NamedRef;
import io.execgate.vendor.kaizen.model.NestedExecution;
import io.execgate.vendor.kaizen.model.RetryExecutionRequest;
import io.execgate.vendor.kaizen.model.RetryExecutionResponse;
import io.execgate.vendor.kaizen.server.ExecutionsApi;
import io.micronaut.http.annotation.Controller;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Kaizen's executions API, generated from specs/vendors/kaizen.yaml, over the sandbox's executions.
 * Not final: the generated interface's validation is applied by a generated subclass.
 */
@Controller
class KaizenSimulator implements ExecutionsApi {
    private static final String APP = "https://app.kaizen.sandbox.invalid";

    private final ExecutionBook book;
    private final Clock clock;

    KaizenSimulator(ExecutionBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** The retry answer in the nested shape of Kaizen's reference page (seed 000). */
    @Override
    public RetryExecutionResponse retryExecution(RetryExecutionRequest request) {
        SandboxExecution next = book.retry(request.getId());
        return new RetryExecutionResponse(true)
                .message("Execution retry initiated")
                .execution(new NestedExecution(render(next)));
    }

    @Override
    public GetExecutionResponse getExecution(GetExecutionRequest request) {
        return new GetExecutionResponse().execution(render(book.get(request.getId())));
    }

    private Execution render(SandboxExecution e) {
        Instant now = clock.instant();
        String status = e.status(now);
        Execution execution = new Execution()
                .id(e.id())
                .workflow(new NamedRef().id(e.workflowId()).name(e.workflowName()))
                .name(e.workflowName())
                .status(status)
                .isTest(false)
                .attempts(1)
                .parentExecutionId(e.retriedFrom());
        if (!"Enqueued".equals(status)) {
            execution.startTime(utc(e.timeline().reached("InProgress", now).orElse(e.createdAt())));
        }
        if ("InProgress".equals(status) || "Processing".equals(status) || "Paused".equals(status)) {
            execution.liveViewUrl(APP + "/live/" + e.id());
        }
        if ("Completed".equals(status)) {
            execution.downloads(new Downloads().status("completed").files(List.of(new DownloadFile()
                    .id("file_" + e.id().substring(5))
                    .name("invoice-" + e.id().substring(5) + ".pdf")
                    .mimeType("application/pdf")
                    .sizeBytes(48_213)
                    .downloadUrl(APP + "/downloads/" + e.id() + "/invoice.pdf"))));
        }
        return execution;
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }
}
