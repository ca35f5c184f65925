package io.execgate.gateway;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi/gateway.yaml}: the contract this gateway implements ({@code specs/gateway.yaml},
 * which the build copies into the classpath), no client key, as {@code application/yaml} (RFC 9512).
 * A controller rather than a static-resource mapping: Micronaut types static files by extension from
 * its own table, which has no {@code .yaml} and answers {@code text/plain}.
 */
@Controller("/openapi")
final class ContractController {
    static final String APPLICATION_YAML = "application/yaml";
    private static final String RESOURCE = "/openapi/gateway.yaml";

    private final byte[] document;

    ContractController() {
        try (InputStream in = ContractController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (gateway/pom.xml copies it there)");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/gateway.yaml", produces = APPLICATION_YAML)
    HttpResponse<byte[]> contract() {
        return HttpResponse.ok(document).contentType(APPLICATION_YAML);
    }
}
