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

    /** Adds a vendor call's duration to the request being served, if there is one. */
    static void add(long nanos) {
        ServerRequestContext.currentRequest().ifPresent(request -> request.setAttribute(ATTRIBUTE, of(request) + nanos));
    }

    /** Nanoseconds this request spent in vendor calls; 0 when it made none. */
    public static long of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Long.class).orElse(0L);
    }
}
