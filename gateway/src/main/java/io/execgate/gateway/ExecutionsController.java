package io.execgate.gateway;

import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.http.PathSegment;
import io.execgate.adapter.http.VendorClient;
import io.execgate.gateway.problem.GatewayProblem;
import io.execgate.api.ExecutionsApi;
import io.execgate.api.model.Execution;
import io.execgate.api.model.Include;
import io.execgate.api.model.ProblemCode;
import io.execgate.api.model.ProblemError;
import io.execgate.api.model.RetryRequest;
import io.execgate.gateway.VendorRegistry.ConfiguredVendor;
import io.execgate.gateway.exchange.Exchange;
import io.execgate.gateway.idempotency.IdempotentRetries;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.context.ServerRequestContext;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The unified execution endpoints (generated from {@code specs/gateway.yaml}). Resolves the
 * vendor, validates everything before any vendor call, and hands over to the vendor's adapter —
 * through {@link IdempotentRetries} when the retry carries an {@code Idempotency-Key}, so that
 * validation failures (never sent) are not kept for the key.
 * The vendor's raw object ({@code vendorData}) can hold customer data: only {@code ?include=vendorData}
 * asks the adapter for it.
 *
 * <p>Runs on the event loop and holds no thread while the vendor or the idempotency store answers:
 * both are asynchronous, and the answer is a {@code CompletableFuture} that becomes the generated
 * interface's {@code Mono} only here, at the edge. Not final: validation advice proxies it.
 */
@Controller
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
    @SuppressWarnings("unchecked") // a keyed answer's body is the Execution or problem already encoded
    @Post("/v1/executions/{vendor}/{executionId:[^/]+}/retry")
    public Mono<HttpResponse<Execution>> retryExecution(String vendor, String executionId, String idempotencyKey,
                                                        String requestId, Include include,
                                                        RetryRequest retryRequest) {
        HttpRequest<?> request = currentRequest();
        Exchange exchange = Exchange.of(request);
        ConfiguredVendor target = resolve(vendor, exchange, Operation.RETRY);
        RetryCommand command = new RetryCommand(ExecutionIds.from(request),
                retryRequest == null ? null : retryRequest.getMaxStepsOverride(),
                retryRequest != null && Boolean.TRUE.equals(retryRequest.getUseLatestWorkflow()),
                include == Include.VENDOR_DATA);
        List<ProblemError> optionErrors = command.optionsOutside(target.adapter().options());
        List<ProblemError> idErrors = target.adapter().validate(command);
        if (!optionErrors.isEmpty() || !idErrors.isEmpty()) {
            List<ProblemError> errors = new ArrayList<>(optionErrors);
            errors.addAll(idErrors);
            throw GatewayProblem.invalid(errors);
        }
        CompletableFuture<? extends HttpResponse<?>> answer = idempotencyKey == null
                ? retry(vendor, target, command, exchange)
                : idempotent.run(request, exchange, idempotencyKey, IdempotentRetries.fingerprint(vendor, command),
                        () -> retry(vendor, target, command, exchange));
        return Mono.fromFuture((CompletableFuture<HttpResponse<Execution>>) answer);
    }

    private static CompletableFuture<MutableHttpResponse<Execution>> retry(String vendor, ConfiguredVendor target,
                                                                           RetryCommand command, Exchange exchange) {
        boolean readable = target.adapter().operations().contains(Operation.GET);
        VendorClient client = target.client().within(exchange);
        return GatewayProblem.atSeam(() -> target.adapter().retry(command, client)).thenApply(execution -> {
            exchange.succeeded(execution.getVendorStatus());
            MutableHttpResponse<Execution> response = HttpResponse.accepted();
            // Location only where GET answers: a vendor without a read operation would lead to a 501
            if (readable && execution.getId() != null) {
                response.header(HttpHeaders.LOCATION, "/v1/executions/" + vendor + "/" + PathSegment.encode(execution.getId()));
            }
            return response.body(execution);
        });
    }

    @Override
    @Get("/v1/executions/{vendor}/{executionId:[^/]+}")
    public Mono<HttpResponse<Execution>> getExecution(String vendor, String executionId, String requestId,
                                                      Include include) {
        HttpRequest<?> request = currentRequest();
        Exchange exchange = Exchange.of(request);
        ConfiguredVendor target = resolve(vendor, exchange, Operation.GET);
        ExecutionRef execution = new ExecutionRef(ExecutionIds.from(request), include == Include.VENDOR_DATA);
        VendorClient client = target.client().within(exchange);
        return Mono.fromFuture(GatewayProblem.atSeam(() -> target.adapter().get(execution, client)).thenApply(read -> {
            exchange.succeeded(read.getVendorStatus());
            return HttpResponse.ok(read);
        }));
    }

    private ConfiguredVendor resolve(String vendor, Exchange exchange, Operation operation) {
        ConfiguredVendor target = vendors.find(vendor).orElseThrow(() -> GatewayProblem.of(ProblemCode.UNKNOWN_VENDOR));
        if (!exchange.caller().mayUse(vendor)) {
            throw GatewayProblem.of(ProblemCode.FORBIDDEN);
        }
        if (!target.adapter().operations().contains(operation)) {
            throw GatewayProblem.of(ProblemCode.OPERATION_NOT_SUPPORTED);
        }
        return target;
    }

    private static HttpRequest<?> currentRequest() {
        return ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("no current request"));
    }
}
