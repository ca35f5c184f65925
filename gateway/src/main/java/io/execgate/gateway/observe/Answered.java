package io.execgate.gateway.observe;

import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.api.model.Execution;
import io.execgate.gateway.VendorRegistry;
import io.execgate.gateway.idempotency.IdempotentRetries;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one answer of the unified API was, for metrics and the request log: vendor (a name nobody
 * configured is {@code unknown}, so labels stay bounded), operation, status, problem code and
 * outcome ({@code none} for a success), the vendor's HTTP status and execution status when known,
 * and whether it was an idempotent replay.
 */
record Answered(String vendor, String operation, int status, String code, String outcome,
                Integer vendorHttpStatus, String vendorStatus, boolean replayed) {
    static final String NONE = "none";
    private static final String ATTRIBUTE = "execgate.answered";

    /** Reads the facts off a request and its answer. */
    @Singleton
    static final class Reader {
        private final Set<String> vendors;
        private final JsonMapper json;

        Reader(VendorRegistry vendors, JsonMapper json) {
            this.vendors = vendors.all().stream().map(VendorAdapter::name).collect(Collectors.toUnmodifiableSet());
            this.json = json;
        }

        /** The answer's facts, worked out once per request: the log line and the meters both ask. */
        Answered read(HttpRequest<?> request, MutableHttpResponse<?> response) {
            Answered known = request.getAttribute(ATTRIBUTE, Answered.class).orElse(null);
            if (known == null) {
                known = readAnswer(request, response);
                request.setAttribute(ATTRIBUTE, known);
            }
            return known;
        }

        private Answered readAnswer(HttpRequest<?> request, MutableHttpResponse<?> response) {
            String[] segments = request.getPath().split("/");
            String vendor = segments.length > 3 && vendors.contains(segments[3]) ? segments[3] : "unknown";
            String operation = request.getMethod() == HttpMethod.POST && request.getPath().endsWith("/retry") ? "retry"
                    : request.getMethod() == HttpMethod.GET ? "get" : "other";
            boolean replayed = "true".equals(response.getHeaders().get(IdempotentRetries.REPLAYED));
            GatewayProblem problem = ProblemRenderer.renderedFor(request);
            Object body = response.body();
            if (problem != null) {
                return new Answered(vendor, operation, response.code(), problem.code().toString(),
                        problem.outcome().toString(),
                        problem.vendorAnswer() == null ? null : problem.vendorAnswer().httpStatus(), null, replayed);
            }
            if (body instanceof Execution execution) {
                return new Answered(vendor, operation, response.code(), NONE, NONE, null, execution.getVendorStatus(), replayed);
            }
            if (body instanceof byte[] bytes && bytes.length > 0) {
                // a keyed or replayed answer is its stored bytes
                Map<?, ?> fields = readJson(bytes);
                boolean failed = response.code() >= 400;
                return new Answered(vendor, operation, response.code(),
                        failed ? String.valueOf(fields.get("code")) : NONE, failed ? String.valueOf(fields.get("outcome")) : NONE,
                        fields.get("vendorHttpStatus") instanceof Number n ? n.intValue() : null,
                        fields.get("vendorStatus") instanceof String s ? s : null, replayed);
            }
            return new Answered(vendor, operation, response.code(), NONE, NONE, null, null, replayed);
        }

        private Map<?, ?> readJson(byte[] bytes) {
            try {
                Map<?, ?> fields = json.readValue(bytes, Map.class);
                return fields == null ? Map.of() : fields;
            } catch (IOException | RuntimeException unreadable) {
                return Map.of();
            }
        }
    }
}
