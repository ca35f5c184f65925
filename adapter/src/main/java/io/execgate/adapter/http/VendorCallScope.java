package io.execgate.adapter.http;

/**
 * The gateway request a vendor call is made for: the trace the call continues, and where the call's
 * time is counted ({@code Server-Timing}, the request log). Handed to the adapter inside its
 * {@link VendorClient} ({@link VendorClient#within}), so adapters never look the request up.
 */
public interface VendorCallScope {
    /** For calls made outside any gateway request (tools, benchmarks): no trace header, time not counted. */
    VendorCallScope NONE = new VendorCallScope() {
        @Override
        public String traceparent() {
            return null;
        }

        @Override
        public void vendorCallTook(long nanos) {
        }
    };

    /**
     * The W3C {@code traceparent} to send with the call, or null to send none (as when OpenTelemetry's
     * own client instrumentation adds it).
     */
    String traceparent();

    /** A call of this request ended, answered or not, {@code nanos} after it was sent. */
    void vendorCallTook(long nanos);
}
