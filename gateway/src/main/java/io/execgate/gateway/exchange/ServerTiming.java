package io.execgate.gateway.exchange;

/**
 * {@code Server-Timing: vendor;dur=…, gateway;dur=…} (milliseconds): how long the vendor took, and
 * what the gateway added. A request that made no vendor call (a problem found before sending, a
 * replayed answer) shows {@code vendor;dur=0}.
 */
public final class ServerTiming {
    public static final String HEADER = "Server-Timing";

    private ServerTiming() {
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
}
