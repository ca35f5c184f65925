package io.execgate.adapter.kaizen;

import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.VendorAuth;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.http.VendorEndpoint;
import io.execgate.adapter.http.VendorRequest;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ProblemCode;
import io.execgate.vendor.kaizen.model.GetExecutionRequest;
import io.execgate.vendor.kaizen.model.GetExecutionResponse;
import io.execgate.vendor.kaizen.model.RetryExecutionRequest;
import io.execgate.vendor.kaizen.model.RetryExecutionResponse;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Kaizen ({@code specs/vendors/kaizen.yaml}, seeds 000 and 001): the id travels in a JSON body,
 * {@code POST /executions/retry {"id": ...}}, with {@code Authorization: Bearer}. Kaizen refuses a
 * retry with HTTP 200 {@code success:false}, and has documented its answer both as
 * {@code execution.execution} and as {@code execution}.
 */
@Singleton
final class KaizenAdapter implements VendorAdapter {
    static final VendorEndpoint RETRY = VendorEndpoint.post("/executions/retry", KaizenErrors.TABLE);
    static final VendorEndpoint READ = VendorEndpoint.post("/executions/get", KaizenErrors.TABLE);

    private final KaizenMapper mapper;

    KaizenAdapter(KaizenMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "kaizen";
    }

    @Override
    public VendorAuth auth() {
        return VendorAuth.bearer();
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.of(Operation.RETRY, Operation.GET);
    }

    @Override
    public CompletableFuture<Execution> retry(RetryCommand command, VendorClient client) {
        VendorRequest call = RETRY.request().json(client.json(new RetryExecutionRequest(command.executionId())));
        return client.call(RETRY, call, RetryExecutionResponse.class).thenApply(answer -> {
            if (!answer.body().getSuccess()) {
                throw client.refused(answer.response(), ProblemCode.NOT_RETRYABLE);
            }
            Object execution = unwrap(answer.body().getExecution());
            io.execgate.vendor.kaizen.model.Execution parsed = execution == null
                    ? new io.execgate.vendor.kaizen.model.Execution()
                    : client.read(answer.response(), execution, io.execgate.vendor.kaizen.model.Execution.class);
            return mapper.toExecution(parsed, command.executionId(), command.includeVendorData() ? execution : null);
        });
    }

    @Override
    public CompletableFuture<Execution> get(ExecutionRef execution, VendorClient client) {
        VendorRequest call = READ.request().json(client.json(new GetExecutionRequest(execution.executionId())));
        return client.call(READ, call, GetExecutionResponse.class).thenApply(answer -> {
            if (answer.body().getExecution() == null) {
                throw client.unexpected(answer.response());
            }
            return mapper.toExecution(answer.body().getExecution(), null,
                    client.vendorData(answer.response(), execution.includeVendorData(), "execution"));
        });
    }

    /** Both documented shapes: {@code {"execution":{"execution":{...}}}} and {@code {"execution":{...}}}. */
    private static Object unwrap(Object execution) {
        return execution instanceof Map<?, ?> outer && outer.get("execution") instanceof Map<?, ?> inner
                ? inner : execution;
    }
}
