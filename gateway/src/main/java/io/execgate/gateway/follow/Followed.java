package io.execgate.gateway.follow;

import io.execgate.api.model.Execution;
import io.execgate.api.model.ExecutionStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where following an execution left it: the latest state read, and whether that state is final.
 */
public record Followed(Execution latest, boolean ended) {
    /** The statuses after which nothing changes any more (unified-api.md, "Follow-through"). */
    private static final Set<ExecutionStatus> TERMINAL = EnumSet.of(ExecutionStatus.COMPLETED, ExecutionStatus.FAILED,
            ExecutionStatus.CANCELED, ExecutionStatus.TIMED_OUT, ExecutionStatus.TERMINATED, ExecutionStatus.SKIPPED);

    public static Followed of(Execution latest) {
        return new Followed(latest, isTerminal(latest));
    }

    public static boolean isTerminal(Execution execution) {
        return execution != null && TERMINAL.contains(execution.getStatus());
    }
}
