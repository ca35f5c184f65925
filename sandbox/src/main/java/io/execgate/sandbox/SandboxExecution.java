package io.execgate.sandbox;

import java.time.Instant;

/**
 * One execution as a simulator keeps it, in vendor-neutral terms; each simulator renders it in its
 * vendor's own model.
 *
 * @param id            the vendor's id for it
 * @param workflowId    the vendor's workflow (rule) id
 * @param workflowName  the workflow's display name
 * @param createdAt     when it was created
 * @param timeline      its statuses over time
 * @param retriedFrom   the id it is a retry of, or {@code null}
 * @param failureReason why it failed, for executions that end failed, or {@code null}
 */
public record SandboxExecution(String id, String workflowId, String workflowName, Instant createdAt,
                               Timeline timeline, String retriedFrom, String failureReason) {

    public String status(Instant now) {
        return timeline.statusAt(now);
    }
}
