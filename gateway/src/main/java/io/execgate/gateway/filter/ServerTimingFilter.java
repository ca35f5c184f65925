package io.execgate.gateway.filter;

import io.execgate.adapter.http.VendorTime;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

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
        response.header(HEADER, value(VendorTime.of(request), elapsedNanos(request)));
    }

    /** The header's value for an answer that took {@code totalNanos}, {@code vendorNanos} of them at the vendor. */
    public static String value(long vendorNanos, long totalNanos) {
        return "vendor;dur=" + millis(vendorNanos) + ", gateway;dur=" + millis(Math.max(0, totalNanos - vendorNanos));
    }

    /**
     * Milliseconds with three decimals ({@code 1.234}). On every answer, so not {@code String.format},
     * which parses its pattern and builds a {@code DecimalFormatSymbols} each time (docs/performance.md).
     */
    private static String millis(long nanos) {
        long micros = (Math.max(0, nanos) + 500) / 1000;
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    @Override
    public int getOrder() {
        return FilterOrder.SERVER_TIMING;
    }
}
