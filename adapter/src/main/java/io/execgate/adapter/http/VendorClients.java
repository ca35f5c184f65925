package io.execgate.adapter.http;

import io.execgate.adapter.VendorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.LoadBalancer;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;

/**
 * Builds a {@link VendorClient} from a vendor's configuration block.
 *
 * <p>The HTTP client comes from the application context's client registry rather than
 * {@code HttpClient.create}: so it runs the context's client filters (tracing puts the W3C
 * {@code traceparent} on every vendor call) and shares the server's event loop instead of
 * starting threads of its own per vendor.
 */
@Singleton
public final class VendorClients {
    private final VendorBodies bodies;
    private final MeterRegistry meters;
    private final HttpClientRegistry<?> clients;
    private final BeanContext context;

    VendorClients(VendorBodies bodies, @Nullable MeterRegistry meters, HttpClientRegistry<?> clients, BeanContext context) {
        this.bodies = bodies;
        this.meters = meters;
        this.clients = clients;
        this.context = context;
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
        // The client builds its TLS context when it is made, whatever the scheme: ~65 ms of the main
        // thread's start per client (JDK cipher defaults). A plain-http vendor (the sandbox's) never needs it.
        config.getSslConfiguration().setEnabled("https".equalsIgnoreCase(url.getScheme()));
        try {
            URI origin = new URI(url.getScheme(), null, url.getHost(), url.getPort(), null, null, null);
            HttpClient http = clients.resolveClient(null, LoadBalancer.fixed(origin.toURL()), config, context);
            VendorGuard guard = new VendorGuard(properties);
            return new VendorClient(properties.name(), url, properties.apiKey(), auth, http, bodies, guard,
                    VendorMetrics.of(meters, properties.name(), guard));
        } catch (java.net.URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException("execgate.vendors." + properties.name() + ".url is not a URL");
        }
    }
}
