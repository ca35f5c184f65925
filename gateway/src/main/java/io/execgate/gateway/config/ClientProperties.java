package io.execgate.gateway.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One {@code execgate.clients.<name>} block: a caller of the gateway.
 *
 * @param name          the client's name (the block's key), used in logs instead of its key
 * @param apiKey        the key the client presents as {@code Authorization: Bearer <key>}
 * @param vendors       the vendors this client may use; all when absent
 * @param webhookUrl    where this client's completion notifications go when a retry names no {@code notify.url}
 * @param webhookSecret the Standard Webhooks secret ({@code whsec_<base64>}) that signs them; without it the
 *                      client cannot ask for notifications
 * @param webhookHosts  the only hosts its notifications may go to; any public host when absent
 */
@EachProperty("execgate.clients")
public record ClientProperties(@Parameter String name, @Nullable String apiKey, @Nullable List<String> vendors,
                               @Nullable String webhookUrl, @Nullable String webhookSecret,
                               @Nullable List<String> webhookHosts) {

    /** Never prints a key or secret. */
    @Override
    public String toString() {
        return "ClientProperties[name=" + name + ", apiKey=" + (apiKey == null ? "unset" : "***") + ", vendors=" + vendors
                + ", webhookUrl=" + (webhookUrl == null ? "unset" : "set") + ", signsWebhooks=" + (webhookSecret != null)
                + ", webhookHosts=" + webhookHosts + "]";
    }
}
