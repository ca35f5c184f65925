package io.execgate.gateway.exchange;

import io.execgate.adapter.http.VendorCallScope;
import io.execgate.gateway.problem.GatewayProblem;
import io.micronaut.http.HttpRequest;
import io.opentelemetry.api.trace.Span;

/**
 * One request's facts, created once when it arrives ({@link RequestPipeline}) and read where they
 * are needed instead of being passed around as named request attributes: its id, its clock, what it
 * asks for, who asks, the time its vendor calls took, and how it was answered. The adapter's vendor
 * calls report into it ({@link VendorCallScope}) through the client the controller hands them.
 *
 * <p>Not shared between requests, and never written by two threads at once: each step of a request
 * writes before the next one starts (the vendor's answer and a Redis reply may continue it on the
 * HTTP client's or Lettuce's thread; a future's completion orders the writes before what follows).
 * The vendor time is volatile all the same, since the answer filter reads it.
 */
public final class Exchange implements VendorCallScope {
    /** The request's id, on every answer. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = Exchange.class.getName();

    private final String requestId;
    private final long startedNanos;
    private final RequestedRoute route;
    private final Traceparent trace;
    private ClientKeys.Caller caller;
    private volatile long vendorNanos;
    private AnswerFacts facts = AnswerFacts.NONE;
    private boolean replayed;
    private boolean finished;

    Exchange(String requestId, long startedNanos, RequestedRoute route, Traceparent trace) {
        this.requestId = requestId;
        this.startedNanos = startedNanos;
        this.route = route;
        this.trace = trace;
    }

    /** The exchange {@link RequestPipeline} started for {@code request}; null only if it never ran. */
    public static Exchange of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Exchange.class).orElse(null);
    }

    /** The request's id, or {@code unknown} for a request the pipeline never saw. */
    public static String requestIdOf(HttpRequest<?> request) {
        Exchange exchange = of(request);
        return exchange == null ? "unknown" : exchange.requestId;
    }

    void attachTo(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public String requestId() {
        return requestId;
    }

    long startedNanos() {
        return startedNanos;
    }

    RequestedRoute route() {
        return route;
    }

    /** The authenticated caller of a {@code /v1} request. */
    public ClientKeys.Caller caller() {
        return caller;
    }

    void authenticated(ClientKeys.Caller caller) {
        this.caller = caller;
    }

    /** Nanoseconds this request spent in vendor calls; 0 when it made none. */
    public long vendorNanos() {
        return vendorNanos;
    }

    @Override
    public void vendorCallTook(long nanos) {
        vendorNanos += nanos; // a request's calls follow one another, never overlap
    }

    @Override
    public String traceparent() {
        return trace.forVendor();
    }

    /**
     * This request's W3C trace context, for the work it leaves behind (a watch and its notification):
     * the header its vendor calls carry, or, where OpenTelemetry records spans, the current span's.
     */
    public String traceContext() {
        String forVendor = trace.forVendor();
        if (forVendor != null) {
            return forVendor;
        }
        return Traceparent.of(Span.current().getSpanContext());
    }

    /** Answered with an execution; {@code vendorStatus} is the vendor's own word for its state. */
    public void succeeded(String vendorStatus) {
        facts = AnswerFacts.success(vendorStatus);
    }

    /** Answered with this problem. */
    public void failed(GatewayProblem problem) {
        facts = AnswerFacts.of(problem);
    }

    /** Answered with a stored answer of an earlier request with the same idempotency key. */
    public void replayed(AnswerFacts stored) {
        facts = stored;
        replayed = true;
    }

    /** How the request was answered, as the meters and the log line tell it. */
    public AnswerFacts facts() {
        return facts;
    }

    boolean isReplay() {
        return replayed;
    }

    /** True the first time only: an answer is reported (header, meters, log line) once. */
    boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }
}
