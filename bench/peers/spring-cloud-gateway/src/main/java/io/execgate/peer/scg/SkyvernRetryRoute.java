package io.execgate.peer.scg;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * ExecGate's {@code POST /v1/executions/skyvern/{executionId}/retry} as a Spring Cloud Gateway route:
 * client key checked, path rewritten to Skyvern's, vendor key added, Skyvern's run re-shaped into the
 * unified {@code Execution} with a 202 (specs/gateway.yaml, specs/vendors/skyvern.yaml).
 */
@Configuration(proxyBeanMethods = false)
class SkyvernRetryRoute {

    @Bean
    RouteLocator skyvernRetry(RouteLocatorBuilder routes, PeerProperties peer) {
        return routes.routes()
                .route("skyvern-retry", r -> r.method(HttpMethod.POST)
                        .and().path("/v1/executions/skyvern/{executionId}/retry")
                        .filters(f -> f
                                .filter(new ClientKeyFilter(peer.clientKey()))
                                .removeRequestHeader(HttpHeaders.AUTHORIZATION)
                                .rewritePath("/v1/executions/skyvern/(?<id>[^/]+)/retry", "/v1/agents/runs/${id}/retry")
                                .setRequestHeader("x-api-key", peer.vendorKey())
                                .modifyResponseBody(SkyvernRun.class, Execution.class,
                                        MediaType.APPLICATION_JSON_VALUE, new SkyvernToExecution()))
                        .uri(peer.vendorUrl()))
                .build();
    }
}
