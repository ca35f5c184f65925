package io.execgate.adapter.kinetic;

import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.VendorAuth;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.http.VendorEndpoint;
import io.execgate.api.model.Execution;
import io.execgate.vendor.kinetic.model.ExecutionResponse;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Kinetic ({@code specs/vendors/kinetic.yaml}, a FastAPI service):
 * {@code POST /api/executions/{execution_uuid}/retry} with {@code X-Kinetic-Key}, answered 201.
 * Its spec has no read operation, so GET is not offered.
 */
@Singleton
final class KineticAdapter implements VendorAdapter {
    static final VendorEndpoint RETRY =
            VendorEndpoint.post("/api/executions/{execution_uuid}/retry", KineticErrors.RETRY);

    private final KineticMapper mapper;

    KineticAdapter(KineticMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "kinetic";
    }

    @Override
    public VendorAuth auth() {
        return VendorAuth.header("X-Kinetic-Key");
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.of(Operation.RETRY);
    }

    @Override
    public CompletableFuture<Execution> retry(RetryCommand command, VendorClient client) {
        return client.call(RETRY, RETRY.request(command.executionId()), ExecutionResponse.class)
                .thenApply(answer -> mapper.toExecution(answer.body(), command.executionId(),
                        client.vendorData(answer.response(), command.includeVendorData())));
    }
}
