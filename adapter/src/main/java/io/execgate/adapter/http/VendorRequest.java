package io.execgate.adapter.http;

import io.micronaut.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to a vendor: method, path below the vendor's base URL (already encoded, see
 * {@link PathSegment}), extra headers and an optional JSON body. The vendor key is not here:
 * {@link VendorClient} adds it.
 */
public final class VendorRequest {
    private final HttpMethod method;
    private final String path;
    /** None until one is added: most calls carry only the key, which {@link VendorClient} adds. */
    private Map<String, String> headers = Map.of();
    private byte[] jsonBody;

    VendorRequest(HttpMethod method, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        this.method = method;
        this.path = path;
    }

    public static VendorRequest post(String path) {
        return new VendorRequest(HttpMethod.POST, path);
    }

    public static VendorRequest get(String path) {
        return new VendorRequest(HttpMethod.GET, path);
    }

    public VendorRequest header(String name, String value) {
        if (value != null) {
            if (headers.isEmpty()) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name, value);
        }
        return this;
    }

    public VendorRequest json(byte[] body) {
        this.jsonBody = body;
        return this;
    }

    HttpMethod method() {
        return method;
    }

    String path() {
        return path;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] jsonBody() {
        return jsonBody;
    }
}
