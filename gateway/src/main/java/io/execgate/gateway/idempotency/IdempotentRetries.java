package io.execgate.gateway.idempotency;

import io.execgate.adapter.RetryCommand;
import io.execgate.gateway.problem.GatewayProblem;
import io.execgate.api.model.Outcome;
import io.execgate.api.model.Problem;
import io.execgate.api.model.ProblemCode;
import io.execgate.gateway.Sha256;
import io.execgate.gateway.exchange.Exchange;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The contract's idempotency: per (client, {@code Idempotency-Key}) the first request's final
 * answer, success or problem, is sent once and replayed byte for byte with
 * {@code Idempotent-Replayed: true}; the same key for a different request is 422, while the first is
 * still running 409. An answer the vendor never saw ({@code outcome: NOT_SENT}) is not kept.
 *
 * <p>Claim, vendor call and keeping the answer are one chain of stages: no thread waits for the store
 * or the vendor, and each step goes on on the thread that completed the one before (the event loop
 * with the in-process store, Lettuce's with Redis).
 */
@Singleton
public final class IdempotentRetries {
    /** Marks an answer that is a replay of an earlier one. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRetries.class);

    private final IdempotencyStore store;
    private final ProblemRenderer problems;
    private final JsonMapper json;

    IdempotentRetries(IdempotencyStore store, ProblemRenderer problems, JsonMapper json) {
        this.store = store;
        this.problems = problems;
        this.json = json;
    }

    /**
     * What makes two retries the same request: vendor, id, body and the answer's shape. An option at its
     * default (no notify.url included) adds nothing, so the fingerprints of requests without it stay what earlier versions stored.
     */
    public static String fingerprint(String vendor, RetryCommand command, String notifyUrl) {
        String steps = String.valueOf(command.maxStepsOverride());
        String shape = String.valueOf(command.includeVendorData());
        List<String> parts = new ArrayList<>(List.of(vendor, command.executionId(), steps, shape));
        if (command.useLatestWorkflow()) {
            parts.add("useLatestWorkflow");
        }
        if (notifyUrl != null) {
            parts.add("notify=" + notifyUrl);
        }
        return Sha256.hex(parts.toArray(String[]::new));
    }

    /**
     * Answers {@code retry}'s result for the first request with this key and fingerprint, and the
     * stored answer for any later one; {@code retry} runs at most once per key while its answer is kept.
     * When the store cannot claim the key the answer fails as the store did, and nothing is sent.
     */
    public CompletableFuture<MutableHttpResponse<?>> run(HttpRequest<?> request, Exchange exchange, String idempotencyKey,
                                                         String fingerprint, Supplier<? extends CompletionStage<
                                                                 ? extends MutableHttpResponse<?>>> retry) {
        String key = Sha256.hex(exchange.caller().name(), idempotencyKey);
        // the claim may complete on the store's thread: the vendor call is still this request's (its trace span)
        PropagatedContext context = PropagatedContext.getOrEmpty();
        Supplier<CompletionStage<? extends MutableHttpResponse<?>>> inContext = () -> {
            try (PropagatedContext.Scope ignored = context.propagate()) {
                return retry.get();
            }
        };
        return IdempotentRetries.<IdempotencyStore.Claim>started(() -> store.claim(key, fingerprint))
                .thenCompose(claim -> answer(claim, request, exchange, key, fingerprint, inContext));
    }

    private CompletionStage<MutableHttpResponse<?>> answer(IdempotencyStore.Claim claim, HttpRequest<?> request,
                                                           Exchange exchange, String key, String fingerprint,
                                                           Supplier<CompletionStage<? extends MutableHttpResponse<?>>> retry) {
        return switch (claim.state()) {
            case DONE -> {
                exchange.replayed(claim.answer().facts());
                yield CompletableFuture.completedStage(claim.answer().replay());
            }
            case IN_FLIGHT -> CompletableFuture.failedStage(GatewayProblem.of(ProblemCode.IDEMPOTENCY_IN_PROGRESS));
            case REUSED -> CompletableFuture.failedStage(GatewayProblem.of(ProblemCode.IDEMPOTENCY_KEY_REUSED));
            case CLAIMED -> IdempotentRetries.<MutableHttpResponse<?>>started(retry)
                    .handle((answer, failed) -> failed == null ? answer : answerOf(request, exchange, failed))
                    .thenCompose(answer -> keep(exchange, key, fingerprint, answer));
        };
    }

    /** Keeps the claimed request's answer (or frees the key of one the vendor never saw), then hands it on. */
    private CompletionStage<MutableHttpResponse<?>> keep(Exchange exchange, String key, String fingerprint,
                                                         MutableHttpResponse<?> answer) {
        Object original = answer.getBody().orElse(null);
        byte[] body = encode(original);
        answer.body(body); // the first answer is these bytes too, so a replay is the same byte for byte
        boolean notSent = original instanceof Problem problem && problem.getOutcome() == Outcome.NOT_SENT;
        return IdempotentRetries.<Void>started(() -> notSent ? store.release(key, fingerprint)
                        : store.complete(key, StoredAnswer.of(fingerprint, answer, body, exchange.facts())))
                .handle((kept, storeFailed) -> {
                    if (storeFailed != null) {
                        // the vendor has answered: the caller gets that answer; the claim expires after in-flight-ttl
                        LOG.warn("Idempotency store failed ({}) to keep the answer of request {}",
                                cause(storeFailed).getClass().getName(), exchange.requestId());
                    }
                    return answer;
                });
    }

    /** The answer to a retry that failed: a problem as itself, anything else as INTERNAL_ERROR. */
    private MutableHttpResponse<?> answerOf(HttpRequest<?> request, Exchange exchange, Throwable failed) {
        Throwable cause = cause(failed);
        if (cause instanceof GatewayProblem problem) {
            return problems.render(request, problem);
        }
        if (cause instanceof Error error) {
            throw error; // not an answer to keep
        }
        // as the global handler does: the type only, a message can hold a secret or a vendor's words
        LOG.error("Unexpected {} while handling request {}", cause.getClass().getName(), exchange.requestId());
        return problems.render(request, GatewayProblem.of(ProblemCode.INTERNAL_ERROR));
    }

    /** {@code start}'s stage as a future; a failed one when {@code start} throws instead. */
    @SuppressWarnings("unchecked") // only read: a stage of a subtype of T is a stage of T
    private static <T> CompletableFuture<T> started(Supplier<? extends CompletionStage<? extends T>> start) {
        try {
            return (CompletableFuture<T>) start.get().toCompletableFuture();
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    /** What failed, without the wrapper a dependent stage puts around it. */
    private static Throwable cause(Throwable failed) {
        return failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
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
