package io.execgate.gateway.exchange;

import io.micronaut.http.HttpMethod;

import java.util.Set;

/**
 * What a request asks for, read once from its method and path for the meters and the log: whether
 * it is a {@code /v1} (client key) or {@code /v1/executions} (metered) request, the vendor named in
 * its path ({@code unknown} for a name no adapter has, so that labels stay bounded) and the
 * operation ({@code retry}, {@code get} or {@code other}).
 */
record RequestedRoute(boolean api, boolean executions, String vendor, String operation) {
    static final String UNKNOWN = "unknown";
    private static final RequestedRoute OUTSIDE_API = new RequestedRoute(false, false, UNKNOWN, "other");
    private static final String API = "/v1";
    private static final String EXECUTIONS = "/v1/executions/";

    static RequestedRoute of(HttpMethod method, String path, Set<String> vendors) {
        if (!path.startsWith(API) || path.length() > API.length() && path.charAt(API.length()) != '/') {
            return OUTSIDE_API;
        }
        String operation = method == HttpMethod.POST && path.endsWith("/retry") ? "retry"
                : method == HttpMethod.GET ? "get" : "other";
        if (!path.startsWith(EXECUTIONS)) {
            return new RequestedRoute(true, path.equals("/v1/executions"), UNKNOWN, operation);
        }
        int end = path.indexOf('/', EXECUTIONS.length());
        String named = end < 0 ? path.substring(EXECUTIONS.length()) : path.substring(EXECUTIONS.length(), end);
        return new RequestedRoute(true, true, vendors.contains(named) ? named : UNKNOWN, operation);
    }
}
