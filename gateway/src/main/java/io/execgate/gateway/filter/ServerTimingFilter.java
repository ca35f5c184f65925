package io.execgate.gateway.filter;

import io.execgate.adapter.http.VendorTime;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Locale;

/**
 * {@code Server-Timing: vendor;dur=…, gateway;dur=…} (milliseconds) on every answer: how long the
 * vendor took, and what the gateway added. A request that made no vendor call (a problem found
 * before sending, a replayed answer) shows {@code vendor;dur=0}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class ServerTimingFilter implements Ordered {
    public static final String HEADER = "Server-Timing";
    private static final String STARTED = "execgate.startedNanos";

    /** Nanoseconds since this request arrived. */
    public static long elapsedNanos(HttpRequest<?> request) {
        return System.nanoTime() - request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void report(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long total = elapsedNanos(request);
        long vendor = VendorTime.of(request);
        response.header(HEADER, String.format(Locale.ROOT, "vendor;dur=%.3f, gateway;dur=%.3f",
                vendor / 1e6, Math.max(0, total - vendor) / 1e6));
    }

    @Override
    public int getOrder() {
        return FilterOrder.SERVER_TIMING;
    }
}
