package io.execgate.adapter;

import io.execgate.api.model.ProblemError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A validated retry: the vendor's execution id exactly as the caller meant it (percent-decoded
 * once) and the options of the unified body.
 *
 * @param executionId       the id to retry, never blank
 * @param maxStepsOverride  optional step limit, at least 1 when given
 * @param useLatestWorkflow whether to run the workflow as it is saved now ({@code false}: as it was)
 * @param includeVendorData whether the answer carries the vendor's raw execution object
 */
public record RetryCommand(String executionId, Integer maxStepsOverride, boolean useLatestWorkflow,
                           boolean includeVendorData) {
    public RetryCommand {
        Objects.requireNonNull(executionId, "executionId == null");
    }

    /** One error per option asked for that is not among {@code taken} (a vendor's {@link VendorAdapter#options()}). */
    public List<ProblemError> optionsOutside(Set<RetryOption> taken) {
        if (maxStepsOverride == null && !useLatestWorkflow) {
            return List.of(); // the usual retry asks for no option: nothing to allocate
        }
        List<ProblemError> errors = new ArrayList<>(2);
        if (maxStepsOverride != null && !taken.contains(RetryOption.MAX_STEPS_OVERRIDE)) {
            errors.add(unsupported(RetryOption.MAX_STEPS_OVERRIDE));
        }
        if (useLatestWorkflow && !taken.contains(RetryOption.USE_LATEST_WORKFLOW)) {
            errors.add(unsupported(RetryOption.USE_LATEST_WORKFLOW));
        }
        return errors;
    }

    private static ProblemError unsupported(RetryOption option) {
        return new ProblemError("body." + option.member(), "is not supported by this vendor");
    }
}
