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
import io.execgate.gateway.follow.HangUp;
import io.execgate.gateway.follow.Notifications;
import io.execgate.gateway.follow.Waits;
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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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
    private final Waits waits;
    private final Notifications notifications;

    ExecutionsController(VendorRegistry vendors, IdempotentRetries idempotent, Waits waits, Notifications notifications) {
        this.vendors = vendors;
        this.idempotent = idempotent;
        this.waits = waits;
        this.notifications = notifications;
    }

    /**
     * What happens to a retry, in order: the vendor and the caller's right to it; the command and its
     * checks; the notification target, if any (checked before anything is sent); then, once per
     * {@code Idempotency-Key}, the vendor's retry call, the watch that will notify, and the wait.
     *
     * <p>The generated route's plain {@code {executionId}} turns a raw {@code +} away with 404; the
     * regex form accepts it, and {@link ExecutionIds} reads the raw segment (a {@code +} is a plus).
     */
    @Override
    @SuppressWarnings("unchecked") // a keyed answer's body is the Execution or problem already encoded
    @Post("/v1/executions/{vendor}/{executionId:[^/]+}/retry")
    public Mono<HttpResponse<Execution>> retryExecution(String vendor, String executionId, String idempotencyKey,
                                                        String requestId, Include include, String prefer,
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
        boolean readable = target.adapter().operations().contains(Operation.GET);
        Optional<Duration> wait = waits.asked(request, readable);
        String notifyUrl = retryRequest == null || retryRequest.getNotify() == null ? null
                : retryRequest.getNotify().getUrl().toString();
        CompletableFuture<Optional<URI>> notify = notifications.target(exchange.caller().name(), notifyUrl, readable);
        if (wait.isEmpty() && notify == Notifications.NONE) { // most retries: nothing to follow
            return Mono.fromFuture((CompletableFuture<HttpResponse<Execution>>) (CompletableFuture<?>)
                    once(request, vendor, target, command, exchange, idempotencyKey, notifyUrl, FollowThrough.NOTHING));
        }
        Instant arrived = Instant.now(); // the wait counts from here: validation took microseconds
        HangUp hangUp = HangUp.of(wait.isPresent() ? request : null);
        CompletableFuture<MutableHttpResponse<?>> answer = notify.thenCompose(url -> once(request, vendor, target, command,
                exchange, idempotencyKey, notifyUrl, new FollowThrough(wait, arrived, hangUp, url)));
        answer.whenComplete((done, failed) -> hangUp.answered());
        return Mono.fromFuture((CompletableFuture<HttpResponse<Execution>>) (CompletableFuture<?>) answer)
                .doOnCancel(hangUp::happened);
    }

    /** The retry, at most once per {@code Idempotency-Key} while its answer is kept. */
    @SuppressWarnings("unchecked") // only read: a future of an Execution answer is a future of an answer
    private CompletableFuture<MutableHttpResponse<?>> once(HttpRequest<?> request, String vendor, ConfiguredVendor target,
                                                           RetryCommand command, Exchange exchange, String idempotencyKey,
                                                           String notifyUrl, FollowThrough follow) {
        Supplier<CompletableFuture<MutableHttpResponse<Execution>>> retry = () -> retry(vendor, target, command, exchange, follow);
        return idempotencyKey == null ? (CompletableFuture<MutableHttpResponse<?>>) (CompletableFuture<?>) retry.get()
                : idempotent.run(request, exchange, idempotencyKey, IdempotentRetries.fingerprint(vendor, command, notifyUrl),
                retry);
    }

    /** What a retry asks for after the vendor accepted it: a wait, a notification, both or neither. */
    private record FollowThrough(Optional<Duration> waitFor, Instant arrived, HangUp hangUp, Optional<URI> notifyAt) {
        static final FollowThrough NOTHING = new FollowThrough(Optional.empty(), Instant.EPOCH, null, Optional.empty());
    }

    private CompletableFuture<MutableHttpResponse<Execution>> retry(String vendor, ConfiguredVendor target,
                                                                    RetryCommand command, Exchange exchange,
                                                                    FollowThrough follow) {
        VendorClient client = target.client().within(exchange);
        CompletableFuture<Execution> retried = GatewayProblem.atSeam(() -> target.adapter().retry(command, client));
        if (follow == FollowThrough.NOTHING) {
            return retried.thenApply(accepted -> {
                exchange.succeeded(accepted.getVendorStatus());
                return located(HttpResponse.accepted(), vendor, target, accepted);
            });
        }
        return retried.thenCompose(accepted -> {
            exchange.succeeded(accepted.getVendorStatus());
            CompletableFuture<Void> watched = follow.notifyAt().isEmpty() ? CompletableFuture.completedFuture(null)
                    : notifications.watch(exchange.caller().name(), follow.notifyAt().get(), vendor, accepted,
                    exchange.traceContext(), exchange.requestId());
            return watched.thenCompose(kept -> answer(vendor, target, command, exchange, follow, accepted));
        });
    }

    /** The accepted retry's answer: 202 at once, or, when asked to wait, 200 once it ended or 202 when it had not. */
    private CompletableFuture<MutableHttpResponse<Execution>> answer(String vendor, ConfiguredVendor target,
                                                                     RetryCommand command, Exchange exchange,
                                                                     FollowThrough follow, Execution accepted) {
        if (follow.waitFor().isEmpty() || accepted.getId() == null) {
            return CompletableFuture.completedFuture(located(HttpResponse.accepted(), vendor, target, accepted));
        }
        ExecutionRef ref = new ExecutionRef(accepted.getId(), command.includeVendorData());
        VendorClient client = target.client().within(exchange);
        return waits.follow(accepted, () -> target.adapter().get(ref, client), follow.arrived().plus(follow.waitFor().get()),
                follow.hangUp()).thenApply(followed -> {
            Execution latest = followed.latest().retriedId(accepted.getRetriedId());
            exchange.succeeded(latest.getVendorStatus());
            MutableHttpResponse<Execution> response = followed.ended() ? HttpResponse.ok() : HttpResponse.accepted();
            return Waits.applied(located(response, vendor, target, latest), follow.waitFor().get());
        });
    }

    /** Location only where GET answers: a vendor without a read operation would lead to a 501. */
    private static MutableHttpResponse<Execution> located(MutableHttpResponse<Execution> response, String vendor,
                                                          ConfiguredVendor target, Execution execution) {
        if (target.adapter().operations().contains(Operation.GET) && execution.getId() != null) {
            response.header(HttpHeaders.LOCATION, "/v1/executions/" + vendor + "/" + PathSegment.encode(execution.getId()));
        }
        return response.body(execution);
    }

    @Override
    @Get("/v1/executions/{vendor}/{executionId:[^/]+}")
    public Mono<HttpResponse<Execution>> getExecution(String vendor, String executionId, String requestId,
                                                      Include include, String prefer) {
        HttpRequest<?> request = currentRequest();
        Exchange exchange = Exchange.of(request);
        ConfiguredVendor target = resolve(vendor, exchange, Operation.GET);
        Optional<Duration> wait = waits.asked(request, true);
        ExecutionRef execution = new ExecutionRef(ExecutionIds.from(request), include == Include.VENDOR_DATA);
        VendorClient client = target.client().within(exchange);
        Instant arrived = wait.isEmpty() ? null : Instant.now();
        CompletableFuture<Execution> first = GatewayProblem.atSeam(() -> target.adapter().get(execution, client));
        if (wait.isEmpty()) {
            return Mono.fromFuture(first.thenApply(read -> {
                exchange.succeeded(read.getVendorStatus());
                return HttpResponse.ok(read);
            }));
        }
        HangUp hangUp = HangUp.of(request);
        CompletableFuture<MutableHttpResponse<Execution>> answer = first
                .thenCompose(read -> waits.follow(read, () -> target.adapter().get(execution, client),
                        arrived.plus(wait.get()), hangUp))
                .thenApply(followed -> {
                    exchange.succeeded(followed.latest().getVendorStatus());
                    return Waits.applied(HttpResponse.ok(followed.latest()), wait.get());
                });
        answer.whenComplete((done, failed) -> hangUp.answered());
        return Mono.fromFuture((CompletableFuture<HttpResponse<Execution>>) (CompletableFuture<?>) answer)
                .doOnCancel(hangUp::happened);
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
