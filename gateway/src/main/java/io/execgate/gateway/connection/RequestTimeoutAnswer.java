package io.execgate.gateway.connection;

import io.execgate.gateway.problem.GatewayProblem;
import io.execgate.api.model.ProblemCode;
import io.execgate.gateway.exchange.Exchange;
import io.execgate.gateway.exchange.RequestIds;
import io.execgate.gateway.exchange.ServerTiming;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The 408 {@code REQUEST_TIMEOUT} problem for a request that did not finish arriving. The answer
 * to headers that never finished is written straight to the connection: Micronaut never saw a
 * request, so none of its filters run for it.
 */
@Singleton
final class RequestTimeoutAnswer {
    private final JsonMapper json;

    RequestTimeoutAnswer(JsonMapper json) {
        this.json = json;
    }

    /** The problem; also how a request body that stopped arriving fails inside Micronaut. */
    static GatewayProblem problem() {
        return GatewayProblem.of(ProblemCode.REQUEST_TIMEOUT);
    }

    /** The answer to headers that never finished, after the gateway waited {@code waitedNanos} for them. */
    FullHttpResponse response(long waitedNanos) {
        String requestId = RequestIds.fresh(); // the caller's X-Request-Id never arrived
        byte[] body;
        try {
            body = json.writeValueAsBytes(ProblemRenderer.document(problem(), requestId));
        } catch (IOException e) {
            throw new UncheckedIOException("a problem document could not be written", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON_PROBLEM)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(Exchange.REQUEST_ID_HEADER, requestId)
                .set(ServerTiming.HEADER, ServerTiming.value(0, waitedNanos));
        return response;
    }
}
