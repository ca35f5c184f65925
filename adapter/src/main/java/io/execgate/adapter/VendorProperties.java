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
 */
@EachProperty("execgate.vendors")
public record VendorProperties(
        @Parameter String name,
        @Nullable String url,
        @Nullable String apiKey,
        @Bindable(defaultValue = "30s") Duration readTimeout,
        @Bindable(defaultValue = "5s") Duration connectTimeout) {

    /** Never prints the key: config objects end up in logs and exception messages. */
    @Override
    public String toString() {
        return "VendorProperties[name=" + name + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", readTimeout=" + readTimeout + ", connectTimeout=" + connectTimeout + "]";
    }
}
