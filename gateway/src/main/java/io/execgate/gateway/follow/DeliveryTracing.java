package io.execgate.gateway.follow;

import io.execgate.gateway.exchange.Traceparent;
import io.execgate.gateway.follow.queue.FollowJob;
import io.execgate.gateway.follow.webhook.WebhookResult;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.Map;

/**
 * One span per delivery attempt, a child of the retry request's trace (its stored
 * {@code traceparent}), so that a trace shows the retry and every notification it led to. The
 * attempt's own {@code traceparent} goes to the receiver: the span's when spans are recorded, else
 * the retry's trace continued.
 */
@Singleton
final class DeliveryTracing {
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    DeliveryTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("execgate");
    }

    Span start(FollowJob.Delivery delivery, int attempt) {
        Map<String, String> carrier = delivery.traceparent() == null ? Collections.emptyMap()
                : Map.of("traceparent", delivery.traceparent());
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, GETTER);
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("webhook delivery")
                .setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST")
                .setAttribute("server.address", delivery.url().getHost())
                .setAttribute("execgate.webhook.id", delivery.eventId())
                .setAttribute("execgate.webhook.attempt", attempt)
                .startSpan();
        return new Span(span, traceparentOf(span.getSpanContext(), delivery.traceparent()));
    }

    private static String traceparentOf(SpanContext span, String retry) {
        return span.isValid() ? Traceparent.of(span) : Traceparent.nextHop(retry);
    }

    /** An attempt's span and the {@code traceparent} its request carries. */
    record Span(io.opentelemetry.api.trace.Span span, String traceparent) {
        void end(WebhookResult result) {
            if (result.failure() == null) {
                span.setAttribute("http.response.status_code", result.status());
            }
            if (!result.delivered()) {
                span.setStatus(StatusCode.ERROR, result.failure() == null ? "HTTP " + result.status() : result.failure().name());
            }
            span.end();
        }
    }
}
