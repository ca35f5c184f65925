package io.execgate.gateway;

import io.execgate.adapter.VendorAdapter;
import io.execgate.api.OperationsApi;
import io.execgate.api.model.Health;
import io.execgate.api.model.HealthStatus;
import io.execgate.api.model.Probe;
import io.execgate.api.model.ProbeStatus;
import io.execgate.api.model.VendorHealth;
import io.execgate.api.model.VendorHealthCircuit;
import io.execgate.gateway.idempotency.IdempotencyStore;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: up, and per vendor whether it is configured and how its circuit stands;
 * {@code /health/liveness} and {@code /health/readiness} for orchestrators' probes. Reads only the
 * gateway's own state and its idempotency store: never calls a vendor (no vendor quota spent).
 */
@Controller
final class HealthController implements OperationsApi {
    private final VendorRegistry vendors;
    private final IdempotencyStore idempotency;

    HealthController(VendorRegistry vendors, IdempotencyStore idempotency) {
        this.vendors = vendors;
        this.idempotency = idempotency;
    }

    @Override
    public Mono<Probe> liveness() {
        return Mono.just(new Probe(ProbeStatus.UP));
    }

    /**
     * Not ready while keyed retries would fail closed (Redis unreachable); an open circuit is not
     * unreadiness. On the event loop: the store's check (a Redis PING, at most {@code redis-timeout})
     * holds no thread.
     */
    @Override
    public Mono<HttpResponse<Probe>> readiness() {
        return Mono.fromFuture(idempotency.reachable().toCompletableFuture().thenApply(reachable -> {
            ProbeStatus store = reachable ? ProbeStatus.UP : ProbeStatus.DOWN;
            return HttpResponse.status(reachable ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new Probe(store).checks(Map.of("idempotencyStore", store)));
        }));
    }

    @Override
    public Mono<Health> health() {
        Map<String, VendorHealth> byName = new LinkedHashMap<>();
        for (VendorAdapter adapter : vendors.all()) {
            VendorHealth health = new VendorHealth(vendors.isConfigured(adapter.name()));
            vendors.find(adapter.name()).ifPresent(configured ->
                    health.circuit(VendorHealthCircuit.fromValue(configured.client().circuit().name())));
            byName.put(adapter.name(), health);
        }
        return Mono.just(new Health(HealthStatus.UP, byName));
    }
}
