package io.execgate.adapter.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One vendor's Micrometer meters: {@code execgate.vendor.calls} (a latency histogram by vendor and
 * the vendor's answer status, {@code none} when it did not answer) and {@code execgate.vendor.circuit}
 * (1 for the breaker's current state, 0 for the others). Nothing is recorded without a registry
 * (the sandbox's contexts, adapter tests). Labels are bounded: vendor names and HTTP statuses only.
 */
final class VendorMetrics {
    static final VendorMetrics NONE = new VendorMetrics(null, null);

    private final MeterRegistry registry;
    private final String vendor;
    /** One timer per answer status, registered on its first call: a call records, it does not look meters up. */
    private final Map<Integer, Timer> byStatus = new ConcurrentHashMap<>();
    private volatile Timer unanswered;

    private VendorMetrics(MeterRegistry registry, String vendor) {
        this.registry = registry;
        this.vendor = vendor;
    }

    static VendorMetrics of(MeterRegistry registry, String vendor, VendorGuard guard) {
        if (registry == null) {
            return NONE;
        }
        for (VendorGuard.State state : VendorGuard.State.values()) {
            Gauge.builder("execgate.vendor.circuit", guard, g -> g.state() == state ? 1 : 0)
                    .description("The vendor's circuit breaker: 1 for its current state")
                    .tags("vendor", vendor, "state", state.name())
                    .register(registry);
        }
        return new VendorMetrics(registry, vendor);
    }

    /** @param status the vendor's HTTP status, or null when no answer came */
    void call(long nanos, Integer status) {
        if (registry == null) {
            return;
        }
        timer(status).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Integer status) {
        if (status != null) {
            return byStatus.computeIfAbsent(status, s -> register(s.toString()));
        }
        Timer none = unanswered;
        if (none == null) {
            none = register("none");
            unanswered = none;
        }
        return none;
    }

    private Timer register(String status) {
        return Timer.builder("execgate.vendor.calls")
                .description("Vendor calls, from sending the request to the end of the answer")
                .tags("vendor", vendor, "status", status)
                .publishPercentileHistogram()
                .register(registry);
    }
}
