package io.execgate.adapter.http;

import io.execgate.adapter.problem.VendorFailure;
import io.execgate.api.model.ProblemCode;
import io.micronaut.http.client.HttpClient;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One configured vendor's connection as an adapter uses it: {@link #call} sends a request once
 * ({@link VendorTransport}: circuit, bulkhead, key, trace, timing) and reads the answer
 * ({@link VendorCodec}: the generated model on success, a {@link VendorFailure} keeping the
 * vendor's words otherwise). An adapter builds the request and maps the decoded answer.
 */
public final class VendorClient implements AutoCloseable {
    private final String vendor;
    private final VendorTransport transport;
    private final VendorCodec codec;

    VendorClient(String vendor, URI baseUrl, String apiKey, VendorAuth auth, HttpClient http, VendorBodies bodies,
                 VendorGuard guard, VendorMetrics metrics) {
        this(vendor, new VendorTransport(withoutTrailingSlash(baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath()),
                apiKey, auth, http, guard, metrics, VendorCallScope.NONE), new VendorCodec(vendor, bodies));
    }

    private VendorClient(String vendor, VendorTransport transport, VendorCodec codec) {
        this.vendor = vendor;
        this.transport = transport;
        this.codec = codec;
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * This vendor's connection for the calls of one gateway request: the same connection, circuit and
     * meters, with {@code scope}'s trace sent along and the calls' time counted there.
     */
    public VendorClient within(VendorCallScope scope) {
        return new VendorClient(vendor, transport.within(scope), codec);
    }

    /** The vendor's circuit, for {@code /health}. */
    public VendorGuard.State circuit() {
        return transport.circuit();
    }

    /**
     * One operation's whole exchange, what every adapter does: sends {@code request} once, turns any
     * answer but a success into the problem {@code endpoint}'s error table names, and decodes a
     * success into the vendor's generated {@code type} (an undocumented shape is UPSTREAM_ERROR, the
     * vendor's words kept). Fails with a {@link VendorFailure}; never holds a thread.
     */
    public <T> CompletableFuture<Decoded<T>> call(VendorEndpoint endpoint, VendorRequest request, Class<T> type) {
        return transport.send(request).thenApply(response -> {
            if (!response.isSuccess()) {
                throw codec.reject(response, endpoint.errors());
            }
            return new Decoded<>(codec.read(response, type), response);
        });
    }

    /** Decodes a success body into the vendor's generated model, or fails as UPSTREAM_ERROR. */
    public <T> T read(VendorResponse response, Class<T> type) {
        return codec.read(response, type);
    }

    /** Decodes a part of a success body (given as plain JSON values), or fails as UPSTREAM_ERROR. */
    public <T> T read(VendorResponse response, Object part, Class<T> type) {
        return codec.read(response, part, type);
    }

    /**
     * The vendor's raw execution object for {@code vendorData}: the body, or the member at
     * {@code path}, as plain JSON values. Parsed only when the caller asked for it, since it is a
     * second read of the body.
     */
    public Object vendorData(VendorResponse response, boolean wanted, String... path) {
        return codec.vendorData(response, wanted, path);
    }

    /** Encodes a request body (a generated vendor model) as JSON. */
    public byte[] json(Object value) {
        return codec.json(value);
    }

    /** The failure for an answer that claims success but is not the documented shape. */
    public VendorFailure unexpected(VendorResponse response) {
        return codec.unexpected(response);
    }

    /** A refusal answered inside a success status (e.g. a {@code success:false} member in a 200). */
    public VendorFailure refused(VendorResponse response, ProblemCode code) {
        return codec.refused(response, code);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "VendorClient[" + vendor + "]";
    }
}
