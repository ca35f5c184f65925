package io.execgate.gateway;

import io.execgate.adapter.Operation;
import io.execgate.adapter.VendorAdapter;
import io.execgate.api.VendorsApi;
import io.execgate.api.model.Vendor;
import io.execgate.api.model.VendorOperationsInner;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import reactor.core.publisher.Mono;

import java.util.List;

/** {@code GET /v1/vendors}: names, whether configured, and operations; never URLs or keys. Not final: validation advice proxies it. */
@Controller
class VendorsController implements VendorsApi {
    private final VendorRegistry vendors;

    VendorsController(VendorRegistry vendors) {
        this.vendors = vendors;
    }

    @Override
    public Mono<HttpResponse<List<Vendor>>> listVendors(String requestId) {
        return Mono.just(HttpResponse.ok(vendors.all().stream().map(this::describe).toList()));
    }

    private Vendor describe(VendorAdapter adapter) {
        List<VendorOperationsInner> operations = adapter.operations().stream().map(Operation::wireName)
                .map(VendorOperationsInner::fromValue).toList();
        return new Vendor(adapter.name(), vendors.isConfigured(adapter.name()), operations);
    }
}
