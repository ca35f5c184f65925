package io.execgate.peer.scg;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@code Authorization: Bearer <key>} against the configured client key, as ExecGate's ClientAuthFilter
 * does it (a SHA-256 digest compared in constant time); otherwise ExecGate's 401 problem and no vendor call.
 * First in the route: ModifyResponseBody decorates the response at order -2, and a refusal written
 * through that decorator would be read as Skyvern's answer.
 */
final class ClientKeyFilter implements GatewayFilter, Ordered {
    private static final String PROBLEM = "{\"type\":\"/problems/unauthenticated\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"A valid client key is required: Authorization: Bearer <key>.\","
            + "\"code\":\"UNAUTHENTICATED\",\"requestId\":\"%s\",\"retryable\":false,\"outcome\":\"NOT_SENT\"}";

    private final byte[] digest;

    ClientKeyFilter(String clientKey) {
        this.digest = sha256(clientKey);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(digest, sha256(authorization.substring(7).trim()))) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        DataBuffer body = response.bufferFactory()
                .wrap(PROBLEM.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
