package io.execgate.gateway.idempotency;

import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.api.model.Outcome;
import io.execgate.api.model.Problem;
import io.execgate.api.model.ProblemCode;
import io.execgate.gateway.Sha256;
import io.execgate.gateway.exchange.Exchange;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The contract's idempotency: per (client, {@code Idempotency-Key}) the first request's final
 * answer, success or problem, is sent once and replayed byte for byte with
 * {@code Idempotent-Replayed: true}; the same key for a different request is 422, while the first is
 * still running 409. An answer the vendor never saw ({@code outcome: NOT_SENT}) is not kept.
 */
@Singleton
public final class IdempotentRetries {
    /** Marks an answer that is a replay of an earlier one. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRetries.class);
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER);

    private final IdempotencyStore store;
    private final ProblemRenderer problems;
    private final JsonMapper json;

    IdempotentRetries(IdempotencyStore store, ProblemRenderer problems, JsonMapper json) {
        this.store = store;
        this.problems = problems;
        this.json = json;
    }

    /** What makes two retries the same request: vendor, id, body and the answer's shape. */
    public static String fingerprint(String vendor, RetryCommand command) {
        return Sha256.hex(vendor, command.executionId(), String.valueOf(command.maxStepsOverride()),
                String.valueOf(command.includeVendorData()));
    }

    /**
     * Answers {@code retry}'s result for the first request with this key and fingerprint, and the
     * stored answer for any later one; {@code retry} runs at most once per key while its answer is kept.
     */
    public MutableHttpResponse<?> run(HttpRequest<?> request, Exchange exchange, String idempotencyKey, String fingerprint,
                                      Supplier<MutableHttpResponse<?>> retry) {
        String key = Sha256.hex(exchange.caller().name(), idempotencyKey);
        IdempotencyStore.Claim claim = store.claim(key, fingerprint);
        switch (claim.state()) {
            case DONE -> {
                exchange.replayed(claim.answer().facts());
                return replay(claim.answer());
            }
            case IN_FLIGHT -> throw GatewayProblem.of(ProblemCode.IDEMPOTENCY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still running; send it again later.");
            case REUSED -> throw GatewayProblem.of(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request (vendor, id, body or include).");
            default -> {
                // claimed: this request runs
            }
        }
        MutableHttpResponse<Object> answer = answerOf(request, exchange, retry);
        Object original = answer.getBody().orElse(null);
        byte[] body = encode(original);
        answer.body(body); // the first answer is these bytes too, so a replay is the same byte for byte
        try {
            if (original instanceof Problem problem && problem.getOutcome() == Outcome.NOT_SENT) {
                store.release(key, fingerprint);
            } else {
                store.complete(key, new StoredAnswer(fingerprint, answer.code(), keptHeaders(answer), body, exchange.facts()));
            }
        } catch (RuntimeException storeFailed) {
            // the vendor has answered: the caller gets that answer; the claim expires after in-flight-ttl
            LOG.warn("Idempotency store failed ({}) to keep the answer of request {}",
                    storeFailed.getClass().getName(), exchange.requestId());
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private MutableHttpResponse<Object> answerOf(HttpRequest<?> request, Exchange exchange,
                                                 Supplier<MutableHttpResponse<?>> retry) {
        MutableHttpResponse<?> answer;
        try {
            answer = retry.get();
        } catch (GatewayProblem problem) {
            answer = problems.render(request, problem);
        } catch (RuntimeException unexpected) {
            // as the global handler does: the type only, a message can hold a secret or a vendor's words
            LOG.error("Unexpected {} while handling request {}", unexpected.getClass().getName(), exchange.requestId());
            answer = problems.render(request, GatewayProblem.of(ProblemCode.INTERNAL_ERROR,
                    "The gateway failed; the vendor may have been called."));
        }
        return (MutableHttpResponse<Object>) answer;
    }

    private static MutableHttpResponse<?> replay(StoredAnswer stored) {
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(stored.status()))
                .body(stored.body());
        stored.headers().forEach((name, value) -> {
            if (HttpHeaders.CONTENT_TYPE.equals(name)) {
                response.contentType(MediaType.of(value));
            } else {
                response.header(name, value);
            }
        });
        return response.header(REPLAYED, "true");
    }

    private static Map<String, String> keptHeaders(MutableHttpResponse<Object> answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.getContentType().ifPresent(type -> headers.put(HttpHeaders.CONTENT_TYPE, type.toString()));
        KEPT_HEADERS.forEach(name -> answer.getHeaders().getFirst(name).ifPresent(value -> headers.put(name, value)));
        return headers;
    }

    private byte[] encode(Object body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
