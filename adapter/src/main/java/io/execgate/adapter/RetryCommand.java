package io.execgate.adapter;

import java.util.Objects;

/**
 * A validated retry: the vendor's execution id exactly as the caller meant it (percent-decoded
 * once) and the options of the unified body.
 *
 * @param executionId       the id to retry, never blank
 * @param maxStepsOverride  optional step limit, at least 1 when given
 * @param includeVendorData whether the answer carries the vendor's raw execution object
 */
public record RetryCommand(String executionId, Integer maxStepsOverride, boolean includeVendorData) {
    public RetryCommand {
        Objects.requireNonNull(executionId, "executionId == null");
    }
}
