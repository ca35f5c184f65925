package io.execgate.adapter.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;

/**
 * The time a gateway request spent waiting on its vendor, kept on that request so the gateway can
 * report it ({@code Server-Timing}) without adapters knowing about answers.
 */
public final class VendorTime {
    private static final String ATTRIBUTE = "execgate.vendorNanos";

    private VendorTime() {
    }

    /** The request being served on this thread, if any: the one a vendor call starting now is for. */
    static HttpRequest<?> servedRequest() {
        return ServerRequestContext.currentRequest().orElse(null);
    }

    /** Adds a vendor call's duration to {@code request} (taken when the call started; null: none). */
    static void add(HttpRequest<?> request, long nanos) {
        if (request != null) {
            request.setAttribute(ATTRIBUTE, of(request) + nanos);
        }
    }

    /** Nanoseconds this request spent in vendor calls; 0 when it made none. */
    public static long of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Long.class).orElse(0L);
    }
}
