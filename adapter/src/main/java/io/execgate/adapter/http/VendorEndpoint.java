package io.execgate.adapter.http;

import io.execgate.adapter.problem.VendorErrorTable;
import io.micronaut.http.HttpMethod;

/**
 * One operation of a vendor's spec that an adapter calls: the method and path template exactly as
 * the spec writes them, and how the vendor's error answers to it translate.
 *
 * <p>Adapters declare their endpoints as {@code static final} fields so that the path the gateway
 * calls and the path {@code execgate spec-diff} checks in a new vendor spec are one string, read
 * from the same code (docs/spec-drift.md).
 */
public record VendorEndpoint(String method, String pathTemplate, VendorErrorTable errors) {
    public VendorEndpoint {
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with /");
        }
    }

    public static VendorEndpoint post(String pathTemplate, VendorErrorTable errors) {
        return new VendorEndpoint("POST", pathTemplate, errors);
    }

    public static VendorEndpoint get(String pathTemplate, VendorErrorTable errors) {
        return new VendorEndpoint("GET", pathTemplate, errors);
    }

    /**
     * A request to this endpoint with the template's parameters ({@code {name}}: no {@code /} or
     * {@code }} inside) filled in order, each encoded as exactly one path segment. Scanned by hand,
     * not with a regex, since it runs on every call.
     */
    public VendorRequest request(String... pathValues) {
        StringBuilder path = new StringBuilder(pathTemplate.length() + 16);
        int filled = 0;
        int literalFrom = 0;
        for (int open = pathTemplate.indexOf('{'); open >= 0; open = pathTemplate.indexOf('{', open + 1)) {
            int close = parameterEnd(open);
            if (close < 0) {
                continue;
            }
            if (filled == pathValues.length) {
                throw new IllegalArgumentException(pathTemplate + " needs more path values");
            }
            path.append(pathTemplate, literalFrom, open).append(PathSegment.encode(pathValues[filled++]));
            literalFrom = close + 1;
            open = close;
        }
        if (filled != pathValues.length) {
            throw new IllegalArgumentException(pathTemplate + " takes " + filled + " path values");
        }
        path.append(pathTemplate, literalFrom, pathTemplate.length());
        return new VendorRequest(HttpMethod.parse(method), path.toString());
    }

    /** The index of the {@code }} closing a parameter opened at {@code open}, or -1 when none is. */
    private int parameterEnd(int open) {
        for (int i = open + 1; i < pathTemplate.length(); i++) {
            char c = pathTemplate.charAt(i);
            if (c == '/') {
                return -1;
            }
            if (c == '}') {
                return i > open + 1 ? i : -1;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
