package io.execgate.adapter;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * One {@code execgate.vendors.<name>} block. A vendor without a block is not configured.
 *
 * @param name           the vendor's path name (the block's key)
 * @param url            base URL of the vendor's API
 * @param apiKey         the secret the gateway sends to this vendor, and to no other
 * @param readTimeout    how long to wait for the vendor's answer once the request is sent
 * @param connectTimeout how long to wait for a connection
 * @param breakerFailures    consecutive failed calls (no answer, or a 5xx) that open the vendor's circuit
 * @param breakerOpenFor     how long an open circuit answers 503 without calling, before one trial call
 * @param maxConcurrentCalls calls in flight to this vendor at most (also its connection pool's size)
 */
@EachProperty("execgate.vendors")
public record VendorProperties(
        @Parameter String name,
        @Nullable String url,
        @Nullable String apiKey,
        @Bindable(defaultValue = "30s") Duration readTimeout,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "5") int breakerFailures,
        @Bindable(defaultValue = "30s") Duration breakerOpenFor,
        @Bindable(defaultValue = "64") int maxConcurrentCalls) {

    /** Never prints the key: config objects end up in logs and exception messages. */
    @Override
    public String toString() {
        return "VendorProperties[name=" + name + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", readTimeout=" + readTimeout + ", connectTimeout=" + connectTimeout
                + ", breakerFailures=" + breakerFailures + ", breakerOpenFor=" + breakerOpenFor
                + ", maxConcurrentCalls=" + maxConcurrentCalls + "]";
    }
}
