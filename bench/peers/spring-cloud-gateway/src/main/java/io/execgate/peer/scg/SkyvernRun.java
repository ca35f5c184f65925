package io.execgate.peer.scg;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the route reads of Skyvern's {@code WorkflowRunResponse} (specs/vendors/skyvern.yaml); Jackson
 * skips the rest, as Spring Boot configures it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SkyvernRun(String runId, String status, OffsetDateTime createdAt, OffsetDateTime startedAt,
                  OffsetDateTime finishedAt, String failureReason, String appUrl, String recordingUrl,
                  List<FileInfo> downloadedFiles, List<String> screenshotUrls, RunRequest runRequest) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FileInfo(String url, String filename, Long fileSize) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RunRequest(String workflowId, String title) {
    }
}
