package io.execgate.gateway.idempotency;

/**
 * Where idempotent retries are remembered: a claim while the first request runs, then its final
 * answer. Keys are already scoped to the client. Implementations make {@link #claim} atomic: of
 * concurrent claims of one key exactly one is {@link State#CLAIMED}.
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
    Claim claim(String key, String fingerprint);

    /** Stores the claimed request's final answer for replay. */
    void complete(String key, StoredAnswer answer);

    /** Frees a key claimed for {@code fingerprint} whose request never reached the vendor, so it may be sent again. */
    void release(String key, String fingerprint);

    /** Whether keyed retries can be served now (readiness); an in-process store always can. */
    default boolean reachable() {
        return true;
    }
}
