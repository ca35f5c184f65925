package io.execgate.adapter;

/**
 * The options of the unified retry body that only some vendors take. A vendor takes none unless its
 * adapter lists it ({@link VendorAdapter#options()}); asking another vendor for one is a 400 before
 * any call (unified-api.md, "Optional JSON body").
 */
public enum RetryOption {
    /** {@code maxStepsOverride}: a step limit for the retried run. */
    MAX_STEPS_OVERRIDE("maxStepsOverride"),
    /** {@code useLatestWorkflow: true}: run the workflow as it is saved now, not as it was when the execution ran. */
    USE_LATEST_WORKFLOW("useLatestWorkflow");

    private final String member;

    RetryOption(String member) {
        this.member = member;
    }

    /** The option's member in the retry body. */
    public String member() {
        return member;
    }
}
