package io.execgate.sandbox;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.json.JsonMapper;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Injects the fault a vendor call asks for in its {@value #HEADER} header, or else the next one set
 * through the admin API (see {@link FaultPlan} for the modes). A delay holds no thread: the answer
 * is released by a timer.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class FaultFilter implements HttpServerFilter {
    /** The request header that carries a fault spec for that one call. */
    static final String HEADER = "X-Sandbox-Fault";
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    private static final String HTML_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private final FaultBoard board;
    private final VendorBehaviour vendor;
    private final JsonMapper json;

    FaultFilter(FaultBoard board, VendorBehaviour vendor, JsonMapper json) {
        this.board = board;
        this.vendor = vendor;
        this.json = json;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (SandboxAdminController.owns(request.getPath())) {
            return chain.proceed(request);
        }
        FaultPlan plan;
        try {
            String header = request.getHeaders().get(HEADER);
            plan = header != null ? FaultPlan.parse(header) : board.next();
        } catch (IllegalArgumentException e) {
            return Mono.just(HttpResponse.badRequest(e.getMessage()).contentType(MediaType.TEXT_PLAIN_TYPE));
        }
        if (plan == null) {
            return chain.proceed(request);
        }
        if (plan.drop()) {
            if (request instanceof NettyHttpRequest<?> netty) {
                netty.getChannelHandlerContext().channel().close();
            }
            return Mono.just(HttpResponse.status(HttpStatus.BAD_GATEWAY)); // never written: the connection is gone
        }
        Mono<MutableHttpResponse<?>> answer = plan.answersInsteadOfVendor()
                ? Mono.just(instead(plan))
                : Mono.from(chain.proceed(request)).map(response -> plan.spoilsBody() ? spoil(plan, response) : response);
        return plan.latency().isZero() ? answer : answer.delayElement(plan.latency());
    }

    private MutableHttpResponse<?> instead(FaultPlan plan) {
        if (plan.html502()) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_HTML_TYPE).body(HTML_502);
        }
        if (plan.retryAfter() != null) {
            return new SimulatedAnswer(429, vendor.errorBody(429, "Rate limit exceeded"),
                    Map.of("Retry-After", String.valueOf(plan.retryAfter()))).toResponse();
        }
        return new SimulatedAnswer(plan.status(), vendor.errorBody(plan.status(), "Simulated fault: HTTP " + plan.status()))
                .toResponse();
    }

    private MutableHttpResponse<?> spoil(FaultPlan plan, MutableHttpResponse<?> response) {
        if (response.getBody().isEmpty()) {
            return response;
        }
        try {
            byte[] body = json.writeValueAsBytes(response.getBody().orElseThrow());
            if (plan.wrongType() || plan.unseenStatus()) {
                Object tree = json.readValue(body, Object.class);
                body = json.writeValueAsBytes(rewriteStatus(tree, plan.wrongType()));
            }
            if (plan.malformed()) {
                body = Arrays.copyOf(body, body.length / 2);
            }
            if (plan.empty()) {
                body = new byte[0];
            }
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code status} member, at any depth: an unseen value, or the value wrapped in an object. */
    private static Object rewriteStatus(Object node, boolean wrongType) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, "status".equals(k) && !(v instanceof Map) && !(v instanceof List)
                    ? (wrongType ? Map.of("value", String.valueOf(v)) : FaultPlan.UNSEEN_STATUS)
                    : rewriteStatus(v, wrongType)));
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(v -> rewriteStatus(v, wrongType)).toList();
        }
        return node;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
