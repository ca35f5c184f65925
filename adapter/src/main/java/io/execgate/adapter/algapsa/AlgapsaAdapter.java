package io.execgate.adapter.algapsa;

import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.VendorEndpoint;
import io.execgate.adapter.http.VendorAuth;
import io.execgate.adapter.http.Decoded;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.http.VendorRequest;
import io.execgate.adapter.problem.VendorFailure;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ProblemError;
import io.execgate.vendor.algapsa.model.AutomationExecutionResponse;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * AlgaPSA ({@code specs/vendors/algapsa.yaml}): {@code POST /api/v1/automation/executions/{id}/retry}
 * with {@code x-api-key} and, when configured, {@code x-tenant-id}. Ids are UUIDs, checked here
 * so a malformed one never costs a vendor call; a retry resets the same execution (same id).
 */
@Singleton
final class AlgapsaAdapter implements VendorAdapter {
    static final VendorEndpoint RETRY =
            VendorEndpoint.post("/api/v1/automation/executions/{id}/retry", AlgapsaErrors.RETRY);
    static final VendorEndpoint READ = VendorEndpoint.get("/api/v1/automation/executions/{id}", AlgapsaErrors.READ);

    /** Canonical 8-4-4-4-12 only: {@code UUID.fromString} would accept {@code 1-1-1-1-1}. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AlgapsaMapper mapper;
    private final String tenantId;

    AlgapsaAdapter(AlgapsaMapper mapper, @Nullable @Value("${execgate.vendors.algapsa.tenant-id:}") String tenantId) {
        this.mapper = mapper;
        this.tenantId = tenantId == null || tenantId.isBlank() ? null : tenantId;
    }

    @Override
    public String name() {
        return "algapsa";
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
        return uuidErrors(command.executionId());
    }

    @Override
    public CompletableFuture<Execution> retry(RetryCommand command, VendorClient client) {
        return client.call(RETRY, tenant(RETRY.request(command.executionId())), AutomationExecutionResponse.class)
                .thenApply(answer -> map(answer, command.executionId(), command.includeVendorData(), client));
    }

    @Override
    public CompletableFuture<Execution> get(ExecutionRef execution, VendorClient client) {
        String executionId = execution.executionId();
        List<ProblemError> errors = uuidErrors(executionId);
        if (!errors.isEmpty()) {
            throw VendorFailure.invalid(errors);
        }
        return client.call(READ, tenant(READ.request(executionId)), AutomationExecutionResponse.class)
                .thenApply(answer -> map(answer, null, execution.includeVendorData(), client));
    }

    private static List<ProblemError> uuidErrors(String executionId) {
        return UUID.matcher(executionId).matches() ? List.of()
                : List.of(new ProblemError("path.executionId", "must be a UUID (8-4-4-4-12 hex digits) for algapsa"));
    }

    private VendorRequest tenant(VendorRequest request) {
        return request.header("x-tenant-id", tenantId);
    }

    private Execution map(Decoded<AutomationExecutionResponse> answer, String retriedId, boolean includeVendorData,
                          VendorClient client) {
        return mapper.toExecution(answer.body().getData(), retriedId,
                client.vendorData(answer.response(), includeVendorData, "data"));
    }
}
