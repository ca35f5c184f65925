package io.execgate.gateway.exchange;

import io.execgate.adapter.VendorAdapter;
import io.execgate.gateway.problem.GatewayProblem;
import io.execgate.api.model.ProblemCode;
import io.execgate.gateway.VendorRegistry;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the gateway does around every request, in order, in one place.
 * <p>On arrival ({@link #begin}):
 * <ol>
 *   <li>the {@link Exchange}: the clock starts; the request gets its id (the caller's
 *       {@code X-Request-Id} when it is safe to echo); what it asks for is read off its path; the
 *       caller's trace is taken up for the vendor;</li>
 *   <li>under {@code /v1}, the client key: {@code Authorization: Bearer <key>} names the caller, or the
 *       answer is 401.</li>
 * </ol>
 * Then Micronaut routes it, binds its body and runs the controller, which resolves the vendor and
 * hands the adapter the vendor's client within this exchange.
 * <p>On the answer ({@link #end}), whatever produced it (the controller, a problem, a 404 or 405 of
 * the router, a 401 above): {@code X-Request-Id} and {@code Server-Timing}; then, under {@code /v1},
 * the meters and the request log line — all from the exchange, never from the answer's bytes.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestPipeline implements Ordered {
    private static final String TRACEPARENT = "traceparent";

    private final ClientKeys keys;
    private final ProblemRenderer problems;
    private final RequestMeters meters;
    private final Set<String> vendors;
    private final boolean instrumented;

    /**
     * @param unrecorded present when no exporter is configured: then no span is recorded and the
     *                   gateway passes {@code traceparent} on itself; absent, OpenTelemetry does both
     */
    RequestPipeline(ClientKeys keys, ProblemRenderer problems, RequestMeters meters, VendorRegistry vendors,
                    Optional<UnrecordedTracing> unrecorded) {
        this.keys = keys;
        this.problems = problems;
        this.meters = meters;
        this.vendors = vendors.all().stream().map(VendorAdapter::name).collect(Collectors.toUnmodifiableSet());
        this.instrumented = unrecorded.isEmpty();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> begin(HttpRequest<?> request) {
        long started = System.nanoTime();
        HttpHeaders headers = request.getHeaders();
        Exchange exchange = new Exchange(RequestIds.of(headers.get(Exchange.REQUEST_ID_HEADER)), started,
                RequestedRoute.of(request.getMethod(), request.getPath(), vendors),
                instrumented ? Traceparent.INSTRUMENTED : Traceparent.continuing(headers.get(TRACEPARENT)));
        exchange.attachTo(request);
        if (!exchange.route().api()) {
            return null;
        }
        ClientKeys.Caller caller = keys.enabled()
                ? keys.authenticate(headers.get(HttpHeaders.AUTHORIZATION)).orElse(null) : ClientKeys.ANONYMOUS;
        if (caller == null) {
            MutableHttpResponse<?> refused = problems.render(request, GatewayProblem.of(ProblemCode.UNAUTHENTICATED))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            end(request, refused); // answered here, before any filter or route after this one
            return refused;
        }
        exchange.authenticated(caller);
        return null;
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Exchange exchange = Exchange.of(request);
        if (exchange == null) { // answered before any filter ran (a request Micronaut could not route at all)
            exchange = new Exchange(RequestIds.fresh(), System.nanoTime(), RequestedRoute.of(request.getMethod(),
                    request.getPath(), vendors), Traceparent.INSTRUMENTED);
        }
        if (!exchange.finish()) {
            return;
        }
        long total = System.nanoTime() - exchange.startedNanos();
        response.header(Exchange.REQUEST_ID_HEADER, exchange.requestId());
        response.header(ServerTiming.HEADER, ServerTiming.value(exchange.vendorNanos(), total));
        RequestedRoute route = exchange.route();
        if (route.executions()) {
            meters.record(exchange, response.code(), total);
        }
        if (route.api()) {
            RequestLog.write(exchange, response.code(), total);
        }
    }

    /** First in and last out, so that its clock covers everything else. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
