package io.execgate.peer.scg;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * ExecGate's unified {@code Execution} (specs/gateway.yaml), member for member and in its order; every
 * member is written, {@code null} when the vendor said nothing. Times are ISO-8601 strings by annotation:
 * ModifyResponseBody writes with WebFlux's default codecs, not Spring Boot's ObjectMapper (which would
 * write them so anyway), and Jackson's default is epoch seconds.
 */
record Execution(String vendor, String id, String retriedId, String status, String vendorStatus,
                 @JsonFormat(shape = JsonFormat.Shape.STRING) OffsetDateTime createdAt,
                 @JsonFormat(shape = JsonFormat.Shape.STRING) OffsetDateTime startedAt,
                 @JsonFormat(shape = JsonFormat.Shape.STRING) OffsetDateTime finishedAt,
                 Workflow workflow, String failureReason, Links links, List<Artifact> artifacts) {

    record Workflow(String id, String name) {
    }

    record Links(String app, String liveView, String recording, String output, String logs) {
    }

    record Artifact(String kind, String url, String name, Long sizeBytes) {
    }
}
