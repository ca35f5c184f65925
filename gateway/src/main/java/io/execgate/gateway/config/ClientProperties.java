package io.execgate.gateway.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One {@code execgate.clients.<name>} block: a caller of the gateway.
 *
 * @param name    the client's name (the block's key), used in logs instead of its key
 * @param apiKey  the key the client presents as {@code Authorization: Bearer <key>}
 * @param vendors the vendors this client may use; all when absent
 */
@EachProperty("execgate.clients")
public record ClientProperties(@Parameter String name, @Nullable String apiKey, @Nullable List<String> vendors) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ClientProperties[name=" + name + ", apiKey=" + (apiKey == null ? "unset" : "***") + ", vendors=" + vendors + "]";
    }
}
