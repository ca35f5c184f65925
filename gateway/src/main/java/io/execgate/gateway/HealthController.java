package io.execgate.gateway;

import io.execgate.api.OperationsApi;
import io.execgate.api.model.Health200Response;
import io.micronaut.http.annotation.Controller;

/** {@code GET /health}: the process is up; never calls a vendor (no vendor quota spent). */
@Controller
final class HealthController implements OperationsApi {
    @Override
    public Health200Response health() {
        return new Health200Response().status("UP");
    }
}
