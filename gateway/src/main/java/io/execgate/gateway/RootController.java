package io.execgate.gateway;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.net.URI;

/** {@code GET /}: whoever opens the gateway's address is sent to its API docs (no client key). */
@Controller
final class RootController {
    @Get("/")
    HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create("/docs/"));
    }
}
