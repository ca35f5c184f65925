package io.execgate.sandbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Refuses a vendor call without the simulator's key, the way that vendor refuses it. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CredentialsFilter implements Ordered {
    private final VendorBehaviour vendor;
    private final SimulatorSettings settings;

    CredentialsFilter(VendorBehaviour vendor, SimulatorSettings settings) {
        this.vendor = vendor;
        this.settings = settings;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (SandboxAdminController.owns(request.getPath())) {
            return null;
        }
        return vendor.refuseCredentials(request, settings.apiKey()).map(SimulatedAnswer::toResponse).orElse(null);
    }

    @Override
    public int getOrder() {
        return FaultFilter.ORDER + 1; // a fault such as a proxy's 502 comes before the vendor looks at the key
    }
}
