package io.execgate.gateway;

import io.execgate.adapter.VendorAdapter;
import io.execgate.api.OperationsApi;
import io.execgate.api.model.Health;
import io.execgate.api.model.HealthStatus;
import io.execgate.api.model.VendorHealth;
import io.execgate.api.model.VendorHealthCircuit;
import io.micronaut.http.annotation.Controller;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: up, and per vendor whether it is configured and how its circuit stands.
 * Reads only the gateway's own state: never calls a vendor (no vendor quota spent).
 */
@Controller
final class HealthController implements OperationsApi {
    private final VendorRegistry vendors;

    HealthController(VendorRegistry vendors) {
        this.vendors = vendors;
    }

    @Override
    public Health health() {
        Map<String, VendorHealth> byName = new LinkedHashMap<>();
        for (VendorAdapter adapter : vendors.all()) {
            VendorHealth health = new VendorHealth(vendors.isConfigured(adapter.name()));
            vendors.find(adapter.name()).ifPresent(configured ->
                    health.circuit(VendorHealthCircuit.fromValue(configured.client().circuit().name())));
            byName.put(adapter.name(), health);
        }
        return new Health(HealthStatus.UP, byName);
    }
}
