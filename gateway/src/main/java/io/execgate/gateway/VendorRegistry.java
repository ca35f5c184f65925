package io.execgate.gateway;

import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.VendorProperties;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.http.VendorClients;
import io.execgate.gateway.config.ConfigurationCheck;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every vendor adapter bean by name, paired with its client when the vendor is configured.
 * The only place that turns a vendor name into code; nothing else switches on names.
 */
@Context
public final class VendorRegistry {
    private final Map<String, VendorAdapter> adapters;
    private final Map<String, VendorClient> clients;

    /** {@code checked} is taken so the configuration is validated before clients are built from it. */
    VendorRegistry(List<VendorAdapter> adapters, List<VendorProperties> configured, VendorClients factory,
                   ConfigurationCheck checked) {
        this.adapters = adapters.stream().collect(Collectors.toMap(VendorAdapter::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two adapters named " + a.name());
                }, TreeMap::new));
        this.clients = configured.stream().collect(Collectors.toMap(VendorProperties::name,
                p -> factory.create(p, this.adapters.get(p.name()).auth())));
    }

    /** All known vendors, in name order. */
    public Collection<VendorAdapter> all() {
        return adapters.values();
    }

    public boolean isConfigured(String name) {
        return clients.containsKey(name);
    }

    /** The vendor's adapter and client, when the vendor is known and configured. */
    public Optional<ConfiguredVendor> find(String name) {
        VendorClient client = clients.get(name);
        return client == null ? Optional.empty() : Optional.of(new ConfiguredVendor(adapters.get(name), client));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(VendorClient::close);
    }

    /** A vendor that can be called. */
    public record ConfiguredVendor(VendorAdapter adapter, VendorClient client) {
    }
}
