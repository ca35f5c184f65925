package io.execgate.adapter.skyvern;

import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.PathSegment;
import io.execgate.adapter.http.VendorAuth;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.http.VendorRequest;
import io.execgate.adapter.http.VendorResponse;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ProblemError;
import io.execgate.vendor.skyvern.model.WorkflowRunResponse;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Skyvern ({@code specs/vendors/skyvern.yaml}): {@code POST /v1/agents/runs/{workflow_run_id}/retry}
 * with {@code x-api-key}; a retry creates a new run id. The only vendor that takes
 * {@code maxStepsOverride}, sent as {@code x-max-steps-override}.
 */
@Singleton
final class SkyvernAdapter implements VendorAdapter {
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
    public List<ProblemError> validate(RetryCommand command) {
        return List.of();
    }

    @Override
    public Execution retry(RetryCommand command, VendorClient client) {
        Integer maxSteps = command.maxStepsOverride();
        VendorResponse response = client.send(VendorRequest
                .post("/v1/agents/runs/" + PathSegment.encode(command.executionId()) + "/retry")
                .header("x-max-steps-override", maxSteps == null ? null : maxSteps.toString()));
        if (!response.isSuccess()) {
            throw client.reject(response, SkyvernErrors.RETRY);
        }
        WorkflowRunResponse run = client.read(response, WorkflowRunResponse.class);
        return mapper.toExecution(run, command.executionId(),
                client.vendorData(response, command.includeVendorData()));
    }

    @Override
    public Execution get(ExecutionRef execution, VendorClient client) {
        VendorResponse response = client.send(VendorRequest.get("/v1/runs/" + PathSegment.encode(execution.executionId())));
        if (!response.isSuccess()) {
            throw client.reject(response, SkyvernErrors.READ);
        }
        WorkflowRunResponse run = client.read(response, WorkflowRunResponse.class);
        return mapper.toExecution(run, null, client.vendorData(response, execution.includeVendorData()));
    }
}
