package io.execgate.gateway.idempotency;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where idempotent retries are remembered: a claim while the first request runs, then its final
 * answer. Keys are already scoped to the client. Implementations make {@link #claim} atomic: of
 * concurrent claims of one key exactly one is {@link State#CLAIMED}.
 *
 * <p>Asynchronous, since a shared store answers over the network and a request must not hold a
 * thread meanwhile: each method starts its work and returns at once; an in-process store's stages
 * are already complete. A stage fails when the store cannot be reached in time.
 */
public interface IdempotencyStore {

    /** What a claim found. */
    enum State {
        /** The key was free: the caller owns it and must {@link #complete} or {@link #release} it. */
        CLAIMED,
        /** The same request is still running elsewhere. */
        IN_FLIGHT,
        /** The key was used for a different request. */
        REUSED,
        /** The same request already has a final answer: replay it. */
        DONE
    }

    /** The outcome of a claim; {@code answer} is set for {@link State#DONE}. */
    record Claim(State state, StoredAnswer answer) {
        static final Claim CLAIMED = new Claim(State.CLAIMED, null);
        static final Claim IN_FLIGHT = new Claim(State.IN_FLIGHT, null);
        static final Claim REUSED = new Claim(State.REUSED, null);
    }

    /** Claims {@code key} for a request with {@code fingerprint}, or says why not. */
    CompletionStage<Claim> claim(String key, String fingerprint);

    /** Stores the claimed request's final answer for replay. */
    CompletionStage<Void> complete(String key, StoredAnswer answer);

    /** Frees a key claimed for {@code fingerprint} whose request never reached the vendor, so it may be sent again. */
    CompletionStage<Void> release(String key, String fingerprint);

    /** Whether keyed retries can be served now (readiness); an in-process store always can. */
    default CompletionStage<Boolean> reachable() {
        return CompletableFuture.completedStage(true);
    }
}
