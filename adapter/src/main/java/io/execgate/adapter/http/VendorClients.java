package io.execgate.adapter.http;

import io.execgate.adapter.VendorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;

/** Builds a {@link VendorClient} from a vendor's configuration block. */
@Singleton
public final class VendorClients {
    private final VendorBodies bodies;
    private final MeterRegistry registry;

    VendorClients(VendorBodies bodies, @Nullable MeterRegistry registry) {
        this.bodies = bodies;
        this.registry = registry;
    }

    /**
     * @param properties the vendor's block; its URL must already be checked as absolute http(s)
     * @param auth       how this vendor takes its key
     */
    public VendorClient create(VendorProperties properties, VendorAuth auth) {
        URI url = URI.create(properties.url());
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setReadTimeout(properties.readTimeout());
        config.setConnectTimeout(properties.connectTimeout());
        config.setFollowRedirects(false);
        config.setExceptionOnErrorStatus(false);
        // as many connections as calls may be in flight: a call never queues for a connection behind the bulkhead
        config.getConnectionPoolConfiguration().setMaxConcurrentHttp1Connections(Math.max(1, properties.maxConcurrentCalls()));
        try {
            URI origin = new URI(url.getScheme(), null, url.getHost(), url.getPort(), null, null, null);
            HttpClient http = HttpClient.create(origin.toURL(), config);
            VendorGuard guard = new VendorGuard(properties);
            return new VendorClient(properties.name(), url, properties.apiKey(), auth, http, bodies, guard,
                    VendorMetrics.of(registry, properties.name(), guard));
        } catch (java.net.URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException("execgate.vendors." + properties.name() + ".url is not a URL");
        }
    }
}
