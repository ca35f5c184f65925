package io.execgate.gateway;

import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.http.PathSegment;
import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.api.ExecutionsApi;
import io.execgate.api.model.Execution;
import io.execgate.api.model.Include;
import io.execgate.api.model.ProblemCode;
import io.execgate.api.model.ProblemError;
import io.execgate.api.model.RetryRequest;
import io.execgate.gateway.VendorRegistry.ConfiguredVendor;
import io.execgate.gateway.filter.ClientAuthFilter;
import io.execgate.gateway.idempotency.IdempotentRetries;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * The unified execution endpoints (generated from {@code specs/gateway.yaml}). Resolves the
 * vendor, validates everything before any vendor call, and hands over to the vendor's adapter —
 * through {@link IdempotentRetries} when the retry carries an {@code Idempotency-Key}, so that
 * validation failures (never sent) are not kept for the key.
 * The vendor's raw object ({@code vendorData}) can hold customer data: only {@code ?include=vendorData}
 * asks the adapter for it.
 * Vendor calls block, so this runs off the event loop. Not final: validation advice proxies it.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ExecutionsController implements ExecutionsApi {
    private final VendorRegistry vendors;
    private final IdempotentRetries idempotent;

    ExecutionsController(VendorRegistry vendors, IdempotentRetries idempotent) {
        this.vendors = vendors;
        this.idempotent = idempotent;
    }

    /**
     * The generated route's plain {@code {executionId}} turns a raw {@code +} away with 404; the
     * regex form accepts it, and {@link ExecutionIds} reads the raw segment (a {@code +} is a plus).
     */
    @Override
    @SuppressWarnings("unchecked") // an idempotent answer's body is already the encoded Execution or problem
    @Post("/v1/executions/{vendor}/{executionId:[^/]+}/retry")
    public HttpResponse<Execution> retryExecution(String vendor, String executionId, String idempotencyKey,
                                                  String requestId, Include include,
                                                  RetryRequest retryRequest) {
        HttpRequest<?> request = currentRequest();
        ConfiguredVendor target = resolve(vendor, request, Operation.RETRY);
        RetryCommand command = new RetryCommand(ExecutionIds.from(request),
                retryRequest == null ? null : retryRequest.getMaxStepsOverride(), include == Include.VENDOR_DATA);
        List<ProblemError> errors = target.adapter().validate(command);
        if (!errors.isEmpty()) {
            throw GatewayProblem.invalid(errors);
        }
        if (idempotencyKey == null) {
            return retry(vendor, target, command);
        }
        String client = ClientAuthFilter.callerOf(request).name();
        return (HttpResponse<Execution>) (HttpResponse<?>) idempotent.run(request, client, idempotencyKey,
                IdempotentRetries.fingerprint(vendor, command), () -> retry(vendor, target, command));
    }

    private static MutableHttpResponse<Execution> retry(String vendor, ConfiguredVendor target, RetryCommand command) {
        Execution execution = target.adapter().retry(command, target.client());
        MutableHttpResponse<Execution> response = HttpResponse.accepted();
        if (execution.getId() != null) {
            response.header(HttpHeaders.LOCATION, "/v1/executions/" + vendor + "/" + PathSegment.encode(execution.getId()));
        }
        return response.body(execution);
    }

    @Override
    @Get("/v1/executions/{vendor}/{executionId:[^/]+}")
    public HttpResponse<Execution> getExecution(String vendor, String executionId, String requestId,
                                                Include include) {
        HttpRequest<?> request = currentRequest();
        ConfiguredVendor target = resolve(vendor, request, Operation.GET);
        ExecutionRef execution = new ExecutionRef(ExecutionIds.from(request), include == Include.VENDOR_DATA);
        return HttpResponse.ok(target.adapter().get(execution, target.client()));
    }

    private ConfiguredVendor resolve(String vendor, HttpRequest<?> request, Operation operation) {
        ConfiguredVendor target = vendors.find(vendor).orElseThrow(() -> GatewayProblem.of(ProblemCode.UNKNOWN_VENDOR,
                "No configured vendor has this name; GET /v1/vendors lists them."));
        if (!ClientAuthFilter.callerOf(request).mayUse(vendor)) {
            throw GatewayProblem.of(ProblemCode.FORBIDDEN, "This client may not use this vendor.");
        }
        if (!target.adapter().operations().contains(operation)) {
            throw GatewayProblem.of(ProblemCode.OPERATION_NOT_SUPPORTED,
                    "This vendor's spec has no such operation; nothing was sent.");
        }
        return target;
    }

    private static HttpRequest<?> currentRequest() {
        return ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("no current request"));
    }
}
