package io.execgate.gateway.filter;

import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.api.model.ProblemCode;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;

/** Every {@code /v1} path needs a configured client key; the caller is kept on the request. */
@ServerFilter("/v1/**")
public final class ClientAuthFilter implements Ordered {
    private static final String CALLER = "execgate.caller";

    private final ClientKeys keys;
    private final ProblemRenderer problems;

    ClientAuthFilter(ClientKeys keys, ProblemRenderer problems) {
        this.keys = keys;
        this.problems = problems;
    }

    /** The caller's name once authenticated, for logs; null before (or without) authentication. */
    public static String callerNameOf(HttpRequest<?> request) {
        return request.getAttribute(CALLER, ClientKeys.Caller.class).map(ClientKeys.Caller::name).orElse(null);
    }

    /** The authenticated caller of a {@code /v1} request. */
    public static ClientKeys.Caller callerOf(HttpRequest<?> request) {
        return request.getAttribute(CALLER, ClientKeys.Caller.class).orElseThrow();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (!keys.enabled()) {
            request.setAttribute(CALLER, ClientKeys.ANONYMOUS);
            return null;
        }
        Optional<ClientKeys.Caller> caller = keys.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            return problems.render(request, GatewayProblem.of(ProblemCode.UNAUTHENTICATED,
                    "A valid client key is required: Authorization: Bearer <key>."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        request.setAttribute(CALLER, caller.get());
        return null;
    }

    @Override
    public int getOrder() {
        return FilterOrder.CLIENT_AUTH;
    }
}
