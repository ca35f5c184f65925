package io.execgate.adapter;

import java.util.Objects;

/**
 * A validated retry: the vendor's execution id exactly as the caller meant it (percent-decoded
 * once) and the options of the unified body.
 *
 * @param executionId      the id to retry, never blank
 * @param maxStepsOverride optional step limit, at least 1 when given
 */
public record RetryCommand(String executionId, Integer maxStepsOverride) {
    public RetryCommand {
        Objects.requireNonNull(executionId, "executionId == null");
    }
}
