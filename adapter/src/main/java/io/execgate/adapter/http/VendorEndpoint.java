package io.execgate.adapter.http;

import io.execgate.adapter.problem.VendorErrorTable;
import io.micronaut.http.HttpMethod;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a vendor's spec that an adapter calls: the method and path template exactly as
 * the spec writes them, and how the vendor's error answers to it translate.
 *
 * <p>Adapters declare their endpoints as {@code static final} fields so that the path the gateway
 * calls and the path {@code execgate spec-diff} checks in a new vendor spec are one string, read
 * from the same code (docs/spec-drift.md).
 */
public record VendorEndpoint(String method, String pathTemplate, VendorErrorTable errors) {
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

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
     * A request to this endpoint with the template's parameters filled in order, each encoded as
     * exactly one path segment.
     */
    public VendorRequest request(String... pathValues) {
        Matcher parameters = PARAMETER.matcher(pathTemplate);
        StringBuilder path = new StringBuilder();
        int filled = 0;
        while (parameters.find()) {
            if (filled == pathValues.length) {
                throw new IllegalArgumentException(pathTemplate + " needs more path values");
            }
            parameters.appendReplacement(path, Matcher.quoteReplacement(PathSegment.encode(pathValues[filled++])));
        }
        if (filled != pathValues.length) {
            throw new IllegalArgumentException(pathTemplate + " takes " + filled + " path values");
        }
        parameters.appendTail(path);
        return new VendorRequest(HttpMethod.parse(method), path.toString());
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
