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
 *
 * @param serverPath the path of the document's {@code servers} URL that every path template is
 *                   relative to ({@code ""} when the templates are absolute), see {@link #under}
 */
public record VendorEndpoint(String method, String serverPath, String pathTemplate, VendorErrorTable errors) {
    public VendorEndpoint {
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with /");
        }
        if (!serverPath.isEmpty() && (!serverPath.startsWith("/") || serverPath.endsWith("/"))) {
            throw new IllegalArgumentException("a server path starts with / and does not end with one");
        }
    }

    public static VendorEndpoint post(String pathTemplate, VendorErrorTable errors) {
        return new VendorEndpoint("POST", "", pathTemplate, errors);
    }

    public static VendorEndpoint get(String pathTemplate, VendorErrorTable errors) {
        return new VendorEndpoint("GET", "", pathTemplate, errors);
    }

    /**
     * This endpoint below a server path: for a document whose {@code servers} URL has a path
     * ({@code {url}/api/v1}) and whose templates are relative to it, so the template stays the spec's
     * (what spec-diff matches) and the request goes to {@code serverPath + template}.
     */
    public VendorEndpoint under(String serverPath) {
        return new VendorEndpoint(method, serverPath, pathTemplate, errors);
    }

    /**
     * A request to this endpoint with the template's parameters ({@code {name}}: no {@code /} or
     * {@code }} inside) filled in order, each encoded as exactly one path segment. Scanned by hand,
     * not with a regex, since it runs on every call.
     */
    public VendorRequest request(String... pathValues) {
        StringBuilder path = new StringBuilder(serverPath.length() + pathTemplate.length() + 16).append(serverPath);
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
        return method + " " + serverPath + pathTemplate;
    }
}
