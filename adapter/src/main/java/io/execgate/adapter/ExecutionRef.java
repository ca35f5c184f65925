package io.execgate.adapter;

import java.util.Objects;

/**
 * An execution to read: the vendor's id exactly as the caller meant it (percent-decoded once).
 *
 * @param executionId       the id, never blank
 * @param includeVendorData whether the answer carries the vendor's raw execution object
 */
public record ExecutionRef(String executionId, boolean includeVendorData) {
    public ExecutionRef {
        Objects.requireNonNull(executionId, "executionId == null");
    }
}
