package io.execgate.adapter.skyvern;

import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.RetryOption;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.VendorAuth;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.http.VendorEndpoint;
import io.execgate.adapter.http.VendorRequest;
import io.execgate.api.model.Execution;
import io.execgate.vendor.skyvern.model.WorkflowRunResponse;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Skyvern ({@code specs/vendors/skyvern.yaml}): {@code POST /v1/agents/runs/{workflow_run_id}/retry}
 * with {@code x-api-key}; a retry creates a new run id. The only vendor that takes
 * {@code maxStepsOverride}, sent as {@code x-max-steps-override}.
 */
@Singleton
final class SkyvernAdapter implements VendorAdapter {
    static final VendorEndpoint RETRY =
            VendorEndpoint.post("/v1/agents/runs/{workflow_run_id}/retry", SkyvernErrors.RETRY);
    static final VendorEndpoint READ = VendorEndpoint.get("/v1/runs/{run_id}", SkyvernErrors.READ);

    private final SkyvernMapper mapper;

    SkyvernAdapter(SkyvernMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "skyvern";
    }

    @Override
    public VendorAuth auth() {
        return VendorAuth.header("x-api-key");
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.of(Operation.RETRY, Operation.GET);
    }

    @Override
    public Set<RetryOption> options() {
        return EnumSet.of(RetryOption.MAX_STEPS_OVERRIDE);
    }

    @Override
    public CompletableFuture<Execution> retry(RetryCommand command, VendorClient client) {
        Integer maxSteps = command.maxStepsOverride();
        VendorRequest call = RETRY.request(command.executionId())
                .header("x-max-steps-override", maxSteps == null ? null : maxSteps.toString());
        return client.call(RETRY, call, WorkflowRunResponse.class)
                .thenApply(answer -> mapper.toExecution(answer.body(), command.executionId(),
                        client.vendorData(answer.response(), command.includeVendorData())));
    }

    @Override
    public CompletableFuture<Execution> get(ExecutionRef execution, VendorClient client) {
        return client.call(READ, READ.request(execution.executionId()), WorkflowRunResponse.class)
                .thenApply(answer -> mapper.toExecution(answer.body(), null,
                        client.vendorData(answer.response(), execution.includeVendorData())));
    }
}
