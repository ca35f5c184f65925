package io.execgate.adapter.n8n;

import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.RetryOption;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.VendorAuth;
import io.execgate.adapter.http.Decoded;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.http.VendorEndpoint;
import io.execgate.adapter.http.VendorRequest;
import io.execgate.api.model.Execution;
import io.execgate.vendor.n8n.model.ExecutionsIdRetryPostRequest;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * n8n's public REST API ({@code specs/vendors/n8n.yaml}): {@code POST /executions/{id}/retry} and
 * {@code GET /executions/{id}} below the document's server path {@code /api/v1}, with
 * {@code X-N8N-API-KEY}. A retry makes a new execution ({@code retryOf} = the old id); the only vendor
 * that takes {@code useLatestWorkflow}, sent as {@code {"loadWorkflow": true}} (and nothing else: no
 * body is n8n's default). n8n answers the retry when the new run has ended (executions.service.ts awaits
 * it), so its answer is usually terminal already and the vendor's read timeout must allow for the run.
 */
@Singleton
final class N8nAdapter implements VendorAdapter {
    /** The document's {@code servers: [{url: /api/v1}]}: its paths are relative to the instance's {@code /api/v1}. */
    private static final String SERVER_PATH = "/api/v1";
    static final VendorEndpoint RETRY =
            VendorEndpoint.post("/executions/{id}/retry", N8nErrors.RETRY).under(SERVER_PATH);
    static final VendorEndpoint READ = VendorEndpoint.get("/executions/{id}", N8nErrors.READ).under(SERVER_PATH);

    private final N8nMapper mapper;

    N8nAdapter(N8nMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "n8n";
    }

    @Override
    public VendorAuth auth() {
        return VendorAuth.header("X-N8N-API-KEY");
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.of(Operation.RETRY, Operation.GET);
    }

    @Override
    public Set<RetryOption> options() {
        return EnumSet.of(RetryOption.USE_LATEST_WORKFLOW);
    }

    @Override
    public CompletableFuture<Execution> retry(RetryCommand command, VendorClient client) {
        VendorRequest call = RETRY.request(command.executionId());
        if (command.useLatestWorkflow()) {
            call = call.json(client.json(new ExecutionsIdRetryPostRequest().loadWorkflow(true)));
        }
        return client.call(RETRY, call, io.execgate.vendor.n8n.model.Execution.class)
                .thenApply(answer -> map(answer, command.executionId(), command.includeVendorData(), client));
    }

    @Override
    public CompletableFuture<Execution> get(ExecutionRef execution, VendorClient client) {
        return client.call(READ, READ.request(execution.executionId()), io.execgate.vendor.n8n.model.Execution.class)
                .thenApply(answer -> map(answer, null, execution.includeVendorData(), client));
    }

    private Execution map(Decoded<io.execgate.vendor.n8n.model.Execution> answer, String retriedId,
                          boolean includeVendorData, VendorClient client) {
        return mapper.toExecution(answer.body(), retriedId, client.vendorData(answer.response(), includeVendorData));
    }
}
