package io.execgate.gateway.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-process store: a bounded Caffeine cache whose entries expire per kind (a claim after
 * {@code in-flight-ttl}, an answer after {@code ttl}). Claims are atomic through the cache's map
 * {@code compute}. Its answers are there at once: every stage it returns is already complete.
 */
@Singleton
final class InMemoryIdempotencyStore implements IdempotencyStore {
    private static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);
    private final Cache<String, Entry> entries;

    /** A claim in flight ({@code answer == null}) or a final answer. */
    private record Entry(String fingerprint, StoredAnswer answer) {
    }

    InMemoryIdempotencyStore(IdempotencyProperties properties) {
        long inFlightNanos = properties.inFlightTtl().toNanos();
        long ttlNanos = properties.ttl().toNanos();
        entries = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.answer() == null ? inFlightNanos : ttlNanos;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public CompletionStage<Claim> claim(String key, String fingerprint) {
        AtomicReference<Claim> result = new AtomicReference<>(Claim.CLAIMED);
        entries.asMap().compute(key, (k, existing) -> {
            if (existing == null) {
                return new Entry(fingerprint, null);
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                result.set(Claim.REUSED);
            } else if (existing.answer() == null) {
                result.set(Claim.IN_FLIGHT);
            } else {
                result.set(new Claim(State.DONE, existing.answer()));
            }
            return existing;
        });
        return CompletableFuture.completedStage(result.get());
    }

    @Override
    public CompletionStage<Void> complete(String key, StoredAnswer answer) {
        entries.put(key, new Entry(answer.fingerprint(), answer));
        return DONE;
    }

    @Override
    public CompletionStage<Void> release(String key, String fingerprint) {
        entries.asMap().computeIfPresent(key, (k, existing) ->
                existing.answer() == null && existing.fingerprint().equals(fingerprint) ? null : existing);
        return DONE;
    }
}
