package io.execgate.adapter.http;

import io.execgate.adapter.problem.VendorFailure;
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
import java.util.concurrent.CompletableFuture;

/**
 * The wire half of a {@link VendorClient}: through the vendor's circuit and bulkhead, adds the key
 * as its {@link VendorAuth} says and the trace, sends once, times the call, and hands back whatever
 * status the vendor answered. It reads no body: that is the {@link VendorCodec}'s job.
 *
 * <p>Never re-sends: the underlying client has no retry policy and follows no redirect (a redirect
 * would carry the POST and the key to another origin). A failure after the request may have left
 * is {@code UNKNOWN}; only a refused connection is {@code NOT_SENT}.
 */
final class VendorTransport implements AutoCloseable {
    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);
    private static final String TRACEPARENT = "traceparent";

    private final String basePath;
    private final String apiKey;
    private final VendorAuth auth;
    private final HttpClient http;
    private final VendorGuard guard;
    private final VendorMetrics metrics;
    private final VendorCallScope scope;

    VendorTransport(String basePath, String apiKey, VendorAuth auth, HttpClient http, VendorGuard guard,
                    VendorMetrics metrics, VendorCallScope scope) {
        this.basePath = basePath;
        this.apiKey = apiKey;
        this.auth = auth;
        this.http = http;
        this.guard = guard;
        this.metrics = metrics;
        this.scope = scope;
    }

    VendorTransport within(VendorCallScope scope) {
        return new VendorTransport(basePath, apiKey, auth, http, guard, metrics, scope);
    }

    VendorGuard.State circuit() {
        return guard.state();
    }

    /**
     * Sends once, if the circuit and bulkhead allow it (else UPSTREAM_UNAVAILABLE, nothing sent),
     * holding no thread while the vendor answers. A transport failure fails the future with a
     * {@link VendorFailure}: UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE or UPSTREAM_ERROR.
     */
    CompletableFuture<VendorResponse> send(VendorRequest request) {
        return guard.call(() -> timed(request));
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
            throw VendorFailure.of(ProblemCode.UPSTREAM_TIMEOUT);
        }
        if (isRefused(cause)) {
            throw VendorFailure.of(ProblemCode.UPSTREAM_UNAVAILABLE);
        }
        throw VendorFailure.of(ProblemCode.UPSTREAM_ERROR,
                "The connection to the vendor failed after the request was sent; it may have acted on it.");
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
}
