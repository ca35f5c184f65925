package io.execgate.peer.scg;

import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Skyvern's run to the unified {@code Execution}, as ExecGate's SkyvernMapper does it: the status
 * table's Skyvern column (anything else UNKNOWN, the raw word kept), times in UTC, the workflow from
 * {@code run_request}, downloads then screenshots. A 2xx becomes 202 with {@code Location}; any other
 * vendor answer a 502 (ExecGate's vendor-error table is not reproduced: the benchmark sends none).
 */
final class SkyvernToExecution implements RewriteFunction<SkyvernRun, Execution> {
    private static final Map<String, String> STATUS = Map.of(
            "created", "QUEUED", "queued", "QUEUED", "running", "RUNNING", "paused", "PAUSED",
            "completed", "COMPLETED", "failed", "FAILED", "canceled", "CANCELED", "timed_out", "TIMED_OUT",
            "terminated", "TERMINATED");

    @Override
    public Mono<Execution> apply(ServerWebExchange exchange, SkyvernRun run) {
        ServerHttpResponse response = exchange.getResponse();
        HttpStatusCode vendorStatus = response.getStatusCode();
        if (vendorStatus == null || !vendorStatus.is2xxSuccessful() || run == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_GATEWAY));
        }
        String retriedId = ServerWebExchangeUtils.getUriTemplateVariables(exchange).get("executionId");
        Execution execution = toExecution(run, retriedId);
        response.setStatusCode(HttpStatus.ACCEPTED);
        if (execution.id() != null) {
            response.getHeaders().set(HttpHeaders.LOCATION, "/v1/executions/skyvern/"
                    + UriUtils.encodePathSegment(execution.id(), StandardCharsets.UTF_8));
        }
        return Mono.just(execution);
    }

    static Execution toExecution(SkyvernRun run, String retriedId) {
        String status = run.status() == null ? "UNKNOWN"
                : STATUS.getOrDefault(run.status().toLowerCase(Locale.ROOT), "UNKNOWN");
        return new Execution("skyvern", run.runId(), retriedId, status, run.status(),
                utc(run.createdAt()), utc(run.startedAt()), utc(run.finishedAt()), workflow(run),
                run.failureReason(), new Execution.Links(run.appUrl(), null, run.recordingUrl(), null, null),
                artifacts(run));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Execution.Workflow workflow(SkyvernRun run) {
        SkyvernRun.RunRequest request = run.runRequest();
        if (request == null || request.workflowId() == null && request.title() == null) {
            return null;
        }
        return new Execution.Workflow(request.workflowId(), request.title());
    }

    private static List<Execution.Artifact> artifacts(SkyvernRun run) {
        Stream<Execution.Artifact> downloads = run.downloadedFiles() == null ? Stream.empty()
                : run.downloadedFiles().stream()
                        .map(f -> new Execution.Artifact("download", f.url(), f.filename(), f.fileSize()));
        Stream<Execution.Artifact> screenshots = run.screenshotUrls() == null ? Stream.empty()
                : run.screenshotUrls().stream().map(url -> new Execution.Artifact("screenshot", url, null, null));
        return Stream.concat(downloads, screenshots).toList();
    }
}
