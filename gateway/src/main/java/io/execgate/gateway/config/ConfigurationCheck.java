package io.execgate.gateway.config;

import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.VendorProperties;
import io.execgate.gateway.connection.ConnectionProperties;
import io.execgate.gateway.follow.FollowProperties;
import io.execgate.gateway.follow.webhook.StandardWebhooks;
import io.execgate.gateway.idempotency.IdempotencyProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Refuses to start on a configuration that would fail later or silently: a vendor URL that is not
 * an absolute http(s) URL, a vendor block no adapter knows, a configured vendor without a key, an
 * idempotency claim that could expire before a vendor call ends, or auth on with no usable client
 * key. Messages name the property with its environment variable form, and never echo a value.
 */
@Context
public final class ConfigurationCheck {

    public ConfigurationCheck(List<VendorProperties> vendors, List<ClientProperties> clients, List<VendorAdapter> adapters,
                              IdempotencyProperties idempotency, ConnectionProperties connections, FollowProperties follow,
                              @Value("${execgate.auth.enabled:true}") boolean authEnabled) {
        Set<String> known = adapters.stream().map(VendorAdapter::name).collect(Collectors.toCollection(TreeSet::new));
        vendors.forEach(vendor -> checkVendor(vendor, known));
        clients.forEach(client -> checkClient(client, known, authEnabled, follow.allowPrivateTargets()));
        vendors.forEach(vendor -> checkClaimOutlastsCall(vendor, idempotency, follow));
        checkPositive("execgate.server.header-timeout", connections.headerTimeout());
        checkPositive("execgate.server.body-timeout", connections.bodyTimeout());
        checkPositive("execgate.server.keep-alive-timeout", connections.keepAliveTimeout());
        checkPositive("execgate.follow.watch-for", follow.watchFor());
        checkPositive("execgate.follow.claim-after", follow.claimAfter());
        checkPositive("execgate.follow.deliver-for", follow.deliverFor());
        checkPositive("execgate.follow.delivery-backoff", follow.deliveryBackoff());
        checkPositive("execgate.follow.delivery-backoff-max", follow.deliveryBackoffMax());
        checkPositive("execgate.follow.delivery-timeout", follow.deliveryTimeout());
        if (follow.maxWait().isNegative()) {
            throw new ConfigurationException(named("execgate.follow.max-wait") + " must not be negative");
        }
        if (authEnabled && clients.isEmpty()) {
            throw new ConfigurationException(named("execgate.auth.enabled") + " is true but no client is configured: set "
                    + named("execgate.clients.<client>.api-key") + ", or execgate.auth.enabled=false for a local demo");
        }
    }

    private static void checkVendor(VendorProperties vendor, Set<String> known) {
        String prefix = "execgate.vendors." + vendor.name();
        if (!known.contains(vendor.name())) {
            throw new ConfigurationException(named(prefix) + ": no adapter for vendor '" + vendor.name() + "' (known: " + known + ")");
        }
        if (vendor.url() == null || vendor.url().isBlank()) {
            throw new ConfigurationException(named(prefix + ".url") + " is required for a configured vendor");
        }
        if (!isHttpUrl(vendor.url())) {
            throw new ConfigurationException(named(prefix + ".url") + " must be an absolute http(s) URL without credentials or query");
        }
        if (vendor.apiKey() == null || vendor.apiKey().isBlank()) {
            throw new ConfigurationException(named(prefix + ".api-key") + " is required when " + prefix + ".url is set");
        }
        if (vendor.readTimeout().isNegative() || vendor.readTimeout().isZero()
                || vendor.connectTimeout().isNegative() || vendor.connectTimeout().isZero()) {
            throw new ConfigurationException(named(prefix + ".read-timeout") + " and " + named(prefix + ".connect-timeout")
                    + " must be positive");
        }
    }

    /**
     * A claim that expired while its request could still answer would let the same key call again: it
     * must outlast the vendor call and the longest wait after it ({@code Prefer: wait}).
     */
    private static void checkClaimOutlastsCall(VendorProperties vendor, IdempotencyProperties idempotency,
                                               FollowProperties follow) {
        if (idempotency.inFlightTtl().compareTo(vendor.connectTimeout().plus(vendor.readTimeout()).plus(follow.maxWait())) <= 0) {
            throw new ConfigurationException(named("execgate.idempotency.in-flight-ttl") + " must be longer than "
                    + named("execgate.vendors." + vendor.name() + ".connect-timeout") + " plus .read-timeout plus "
                    + named("execgate.follow.max-wait"));
        }
    }

    /** A zero or negative deadline would close every connection at once. */
    private static void checkPositive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(named(property) + " must be positive");
        }
    }

    private static void checkClient(ClientProperties client, Set<String> known, boolean authEnabled,
                                    boolean allowPrivateTargets) {
        String prefix = "execgate.clients." + client.name();
        if (authEnabled && (client.apiKey() == null || client.apiKey().isBlank())) {
            throw new ConfigurationException(named(prefix + ".api-key") + " is required while execgate.auth.enabled is true");
        }
        if (client.vendors() != null) {
            client.vendors().stream().filter(v -> !known.contains(v)).findFirst().ifPresent(v -> {
                throw new ConfigurationException(named(prefix + ".vendors") + " names unknown vendor '" + v + "' (known: " + known + ")");
            });
        }
        checkWebhooks(client, prefix, allowPrivateTargets);
    }

    /** A default webhook URL nobody could sign for, or a secret that is not one, would fail every notification. */
    private static void checkWebhooks(ClientProperties client, String prefix, boolean allowPrivateTargets) {
        if (client.webhookSecret() != null && !StandardWebhooks.isSecret(client.webhookSecret())) {
            throw new ConfigurationException(named(prefix + ".webhook-secret") + " must be a Standard Webhooks secret: whsec_ and base64");
        }
        if (client.webhookUrl() != null) {
            if (client.webhookSecret() == null) {
                throw new ConfigurationException(named(prefix + ".webhook-url") + " needs " + named(prefix + ".webhook-secret")
                        + " to sign the notifications");
            }
            if (!isHttpUrl(client.webhookUrl(), true)
                    || (!allowPrivateTargets && !client.webhookUrl().regionMatches(true, 0, "https:", 0, 6))) {
                throw new ConfigurationException(named(prefix + ".webhook-url") + " must be an absolute https URL without credentials"
                        + " (http only with execgate.follow.allow-private-targets=true)");
            }
        }
    }

    /**
     * A property with its environment variable form, as a message names it: most deployments set
     * the variable, so that is the name they need to find ({@code <client>} becomes {@code <CLIENT>}).
     */
    static String named(String property) {
        String env = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return property + " (" + env + ")";
    }

    private static boolean isHttpUrl(String value) {
        return isHttpUrl(value, false);
    }

    private static boolean isHttpUrl(String value, boolean queryAllowed) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (queryAllowed || uri.getRawQuery() == null) && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
