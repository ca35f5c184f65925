package io.execgate.adapter.http;

import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.adapter.problem.VendorErrorTable;
import io.execgate.api.model.ProblemCode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One configured vendor's connection: adds the vendor's key as its {@link VendorAuth} says, sends
 * each request exactly once, and reads the answer.
 *
 * <p>Never re-sends: the underlying client has no retry policy and follows no redirect (a
 * redirect would carry the POST and the key to another origin). A failure after the request may
 * have left is reported as {@code UNKNOWN}; only a refused connection is {@code NOT_SENT}.
 */
public final class VendorClient implements AutoCloseable {
    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);
    private static final String TRACEPARENT = "traceparent";

    private final String vendor;
    private final String basePath;
    private final String apiKey;
    private final VendorAuth auth;
    private final HttpClient http;
    private final VendorBodies bodies;
    private final VendorGuard guard;
    private final VendorMetrics metrics;
    private final VendorCallScope scope;

    VendorClient(String vendor, URI baseUrl, String apiKey, VendorAuth auth, HttpClient http, VendorBodies bodies,
                 VendorGuard guard, VendorMetrics metrics) {
        this(vendor, withoutTrailingSlash(baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath()), apiKey, auth, http,
                bodies, guard, metrics, VendorCallScope.NONE);
    }

    private VendorClient(String vendor, String basePath, String apiKey, VendorAuth auth, HttpClient http,
                         VendorBodies bodies, VendorGuard guard, VendorMetrics metrics, VendorCallScope scope) {
        this.vendor = vendor;
        this.basePath = basePath;
        this.apiKey = apiKey;
        this.auth = auth;
        this.http = http;
        this.bodies = bodies;
        this.guard = guard;
        this.metrics = metrics;
        this.scope = scope;
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * This vendor's connection for the calls of one gateway request: the same connection, circuit and
     * meters, with {@code scope}'s trace sent along and the calls' time counted there.
     */
    public VendorClient within(VendorCallScope scope) {
        return new VendorClient(vendor, basePath, apiKey, auth, http, bodies, guard, metrics, scope);
    }

    /** The vendor's circuit, for {@code /health}. */
    public VendorGuard.State circuit() {
        return guard.state();
    }

    /**
     * Sends once, if the vendor's circuit and bulkhead allow it (else 503, nothing sent), without
     * holding a thread while the vendor answers. The future fails with a {@link GatewayProblem}:
     * UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE or UPSTREAM_ERROR for a transport failure.
     */
    public CompletableFuture<VendorResponse> send(VendorRequest request) {
        return guard.call(() -> timed(request));
    }

    /**
     * One operation's whole exchange, what every adapter does: sends {@code request} once (as
     * {@link #send}), turns any answer but a success into the problem {@code endpoint}'s error table
     * names, and decodes a success into the vendor's generated {@code type} (an undocumented shape is
     * UPSTREAM_ERROR, the vendor's words kept). An adapter builds the request and maps the answer.
     */
    public <T> CompletableFuture<Decoded<T>> call(VendorEndpoint endpoint, VendorRequest request, Class<T> type) {
        return send(request).thenApply(response -> {
            if (!response.isSuccess()) {
                throw reject(response, endpoint.errors());
            }
            return new Decoded<>(read(response, type), response);
        });
    }

    private CompletableFuture<VendorResponse> timed(VendorRequest request) {
        long start = System.nanoTime();
        return sendOnce(request).whenComplete((response, failed) -> {
            long nanos = System.nanoTime() - start;
            scope.vendorCallTook(nanos);
            metrics.call(nanos, response == null ? null : response.status());
        });
    }

    private CompletableFuture<VendorResponse> sendOnce(VendorRequest request) {
        MutableHttpRequest<?> outgoing = HttpRequest.create(request.method(), basePath + request.path())
                .accept(MediaType.APPLICATION_JSON_TYPE);
        if (apiKey != null) {
            outgoing.header(auth.headerName(), auth.headerValue(apiKey));
        }
        String traceparent = scope.traceparent();
        if (traceparent != null) {
            outgoing.header(TRACEPARENT, traceparent);
        }
        request.headers().forEach(outgoing::header);
        if (request.jsonBody() != null) {
            outgoing.contentType(MediaType.APPLICATION_JSON_TYPE).body(request.jsonBody());
        }
        return Mono.from(http.exchange(outgoing, BYTES, BYTES)).toFuture()
                .handle((response, failed) -> response != null ? toVendorResponse(response) : answerOf(failed));
    }

    /**
     * An error status is still the vendor's answer; anything else is a transport failure (no
     * answer at all, {@code failed} null, included: the request may have been sent). The failure
     * arrives as the client raised it: {@code handle} on the future the Mono completes is not wrapped.
     */
    private static VendorResponse answerOf(Throwable cause) {
        if (cause instanceof HttpClientResponseException e) {
            return toVendorResponse(e.getResponse());
        }
        if (cause instanceof ReadTimeoutException) {
            throw GatewayProblem.of(ProblemCode.UPSTREAM_TIMEOUT,
                    "The vendor did not answer within the read timeout; it may have acted on the request.");
        }
        if (isRefused(cause)) {
            throw GatewayProblem.of(ProblemCode.UPSTREAM_UNAVAILABLE,
                    "The vendor could not be reached; nothing was sent.");
        }
        throw GatewayProblem.of(ProblemCode.UPSTREAM_ERROR,
                "The connection to the vendor failed after the request was sent; it may have acted on it.");
    }

    /** Decodes a success body into the vendor's generated model, or fails as UPSTREAM_ERROR. */
    public <T> T read(VendorResponse response, Class<T> type) {
        return bodies.read(response.body(), type, () -> unexpected(response));
    }

    /** Decodes a part of a success body (given as plain JSON values), or fails as UPSTREAM_ERROR. */
    public <T> T read(VendorResponse response, Object part, Class<T> type) {
        return bodies.read(bodies.json(part), type, () -> unexpected(response));
    }

    /**
     * The vendor's raw execution object for {@code vendorData}: the body, or the member at
     * {@code path}, as plain JSON values. Parsed only when the caller asked for it, since it is a
     * second read of the body.
     */
    public Object vendorData(VendorResponse response, boolean wanted, String... path) {
        Object node = wanted ? bodies.tree(response.body()) : null;
        for (String member : path) {
            node = node instanceof Map<?, ?> map ? map.get(member) : null;
        }
        return node;
    }

    /** Encodes a request body (a generated vendor model) as JSON. */
    public byte[] json(Object value) {
        return bodies.json(value);
    }

    /** The problem for a vendor answer that is not this operation's success. */
    public GatewayProblem reject(VendorResponse response, VendorErrorTable table) {
        return bodies.problem(vendor, response, table.codeFor(response.status()), table);
    }

    /** The problem for an answer that claims success but is not the documented shape. */
    public GatewayProblem unexpected(VendorResponse response) {
        return bodies.problem(vendor, response, ProblemCode.UPSTREAM_ERROR, VendorErrorTable.standard());
    }

    /** A refusal answered inside a success status (e.g. a {@code success:false} member in a 200). */
    public GatewayProblem refused(VendorResponse response, ProblemCode code) {
        return bodies.problem(vendor, response, code, VendorErrorTable.standard());
    }

    private static VendorResponse toVendorResponse(HttpResponse<?> response) {
        HttpHeaders headers = response.getHeaders();
        byte[] body = response.getBody(BYTES).orElse(new byte[0]);
        return new VendorResponse(response.code(), headers.get(HttpHeaders.CONTENT_TYPE),
                headers.get(HttpHeaders.RETRY_AFTER), body);
    }

    private static boolean isRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        http.close();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "VendorClient[" + vendor + "]";
    }
}
