package io.execgate.gateway.exchange;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) the gateway passes on to vendors
 * when no OpenTelemetry exporter is configured and so no span is recorded: the caller's trace
 * continues (same trace id and flags, a new parent id for the gateway's hop), and a request
 * without a valid {@code traceparent} starts a fresh trace. With an exporter, OpenTelemetry's own
 * HTTP instrumentation makes the spans and sends the header; this class then sends nothing.
 */
public final class Traceparent {
    /** OpenTelemetry instruments the vendor calls: the header is its to send. */
    static final Traceparent INSTRUMENTED = new Traceparent(null, false);

    private static final int LENGTH = 55; // 00-<32 hex>-<16 hex>-<2 hex>
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String caller;
    private final boolean propagate;
    private String forVendor;

    private Traceparent(String caller, boolean propagate) {
        this.caller = caller;
        this.propagate = propagate;
    }

    /** Continues {@code header} (the caller's {@code traceparent}, may be null or invalid) to the vendor. */
    static Traceparent continuing(String header) {
        return new Traceparent(header, true);
    }

    /** The header for this request's vendor calls, worked out on the first call; null when OpenTelemetry sends it. */
    String forVendor() {
        if (!propagate) {
            return null;
        }
        String value = forVendor;
        if (value == null) {
            value = isValid(caller) ? continued(caller) : fresh();
            forVendor = value;
        }
        return value;
    }

    private static String continued(String caller) {
        char[] header = caller.toCharArray();
        writeHex(header, 36, ThreadLocalRandom.current().nextLong() | 1); // a parent id must not be all zeros
        return new String(header);
    }

    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] header = "00-00000000000000000000000000000000-0000000000000000-01".toCharArray();
        writeHex(header, 3, random.nextLong());
        writeHex(header, 19, random.nextLong() | 1); // a trace id must not be all zeros
        writeHex(header, 36, random.nextLong() | 1);
        return new String(header);
    }

    /**
     * {@code header} continued by one more hop: the same trace and flags, a new parent id; null when it is
     * not a valid {@code traceparent}. For work a request leaves behind (a watch's reads), which continues its trace.
     */
    public static String nextHop(String header) {
        return isValid(header) ? continued(header) : null;
    }

    /** The {@code traceparent} of {@code span}, as OpenTelemetry's W3C propagator writes it; null for an invalid span. */
    public static String of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** Version 00 exactly as the specification lays it out, lowercase hex, ids not all zeros. */
    static boolean isValid(String header) {
        if (header == null || header.length() != LENGTH || !header.startsWith("00-")
                || header.charAt(35) != '-' || header.charAt(52) != '-') {
            return false;
        }
        return isHex(header, 3, 35) && isHex(header, 36, 52) && isHex(header, 53, 55)
                && !isZeros(header, 3, 35) && !isZeros(header, 36, 52);
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static void writeHex(char[] into, int at, long value) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
