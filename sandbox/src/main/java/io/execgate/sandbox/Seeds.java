package io.execgate.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Builds a simulator's seed: one execution per documented status, an hour apart, on a few workflows. */
public final class Seeds {
    private static final List<String> WORKFLOWS =
            List.of("Invoice download", "Supplier portal sync", "Monthly report export", "Timesheet upload");
    private static final String FAILURE = "The portal's login page did not load within 60 s";

    private Seeds() {
    }

    /**
     * @param statuses   the vendor's statuses, one execution each
     * @param failed     the statuses whose executions carry a failure reason
     * @param now        the seeding time
     * @param idFor      status → the execution's id
     * @param workflowId workflow name → the vendor's workflow id
     */
    public static List<SandboxExecution> oneEach(List<String> statuses, Set<String> failed, Instant now,
                                                 Function<String, String> idFor, Function<String, String> workflowId) {
        List<SandboxExecution> seed = new ArrayList<>();
        Instant base = now.truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            String workflow = WORKFLOWS.get(i % WORKFLOWS.size());
            Instant created = base.minus(Duration.ofHours(statuses.size() - i));
            seed.add(new SandboxExecution(idFor.apply(status), workflowId.apply(workflow), workflow, created,
                    Timeline.fixed(created, status), null, status != null && failed.contains(status) ? FAILURE : null));
        }
        return seed;
    }
}
