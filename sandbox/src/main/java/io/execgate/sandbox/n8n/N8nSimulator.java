package io.execgate.sandbox.n8n;

import io.execgate.sandbox.ExecutionBook;
import io.execgate.sandbox.SandboxExecution;
import io.execgate.vendor.n8n.model.Execution;
import io.execgate.vendor.n8n.model.ExecutionsIdRetryPostRequest;
import io.execgate.vendor.n8n.server.ExecutionApi;
import io.micronaut.http.annotation.Controller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * n8n's execution API, generated from specs/vendors/n8n.yaml, below the document's server path
 * {@code /api/v1}, over the sandbox's executions. Not final: the generated interface's validation is
 * applied by a generated subclass.
 */
@Controller("/api/v1")
class N8nSimulator implements ExecutionApi {
    private final ExecutionBook book;
    private final Clock clock;

    N8nSimulator(ExecutionBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public Execution executionsIdGet(BigDecimal id, Boolean includeData) {
        return render(book.get(id.toPlainString()));
    }

    /**
     * Real n8n answers a retry when the new run has ended (executions.service.ts awaits it), so its answer
     * is usually terminal. The sandbox answers at once, with the run {@code running}: a simulated run lasts
     * as long as the sandbox's step, and waiting is the caller's choice (a read, or the gateway's
     * {@code Prefer: wait}), not a simulator's hold on the call.
     */
    @Override
    public Execution executionsIdRetryPost(BigDecimal id, ExecutionsIdRetryPostRequest request) {
        return render(book.retry(id.toPlainString()));
    }

    private Execution render(SandboxExecution e) {
        Instant now = clock.instant();
        String status = e.status(now);
        Execution execution = new Execution()
                .id(e.id())
                .finished("success".equals(status))
                .mode(e.retriedFrom() == null ? "trigger" : "retry")
                .retryOf(e.retriedFrom())
                .workflowId(e.workflowId())
                .status(status);
        if (!"new".equals(status)) {
            execution.startedAt(utc(e.timeline().reached("running", now).orElse(e.createdAt())));
        }
        if (N8nBehaviour.FINISHED.contains(status)) {
            Instant stopped = e.timeline().changedAt(now);
            execution.stoppedAt(utc(stopped.isAfter(e.createdAt()) ? stopped : e.createdAt().plusSeconds(90)));
        }
        if ("waiting".equals(status)) {
            execution.waitTill(utc(now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)));
        }
        return execution;
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }
}
