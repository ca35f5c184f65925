package io.execgate.gateway.idempotency;

import io.execgate.gateway.exchange.AnswerFacts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The shared store, when {@code execgate.idempotency.redis-uri} is set: every gateway instance on
 * the same Redis sees the same claims and answers. A claim is {@code SET key NX PX in-flight-ttl}
 * (exactly one instance wins), an answer {@code SET key PX ttl}, a release a compare-and-delete script.
 *
 * <p>Asynchronous throughout (Lettuce's async API): a keyed retry holds no thread while Redis
 * answers, and continues on Lettuce's thread when it does. Each command fails after
 * {@code redis-timeout} (the connection's timeout; Lettuce's {@code TimeoutOptions}, on by default,
 * apply it to asynchronous commands too), so a Redis that stops answering fails keyed retries
 * instead of holding them. The client is Micronaut's ({@code redis.servers.idempotency} in
 * application.yml); the connection is {@link RedisConnector}'s.
 */
@Singleton
@Replaces(InMemoryIdempotencyStore.class)
@Requires(property = "execgate.idempotency.redis-uri")
final class RedisIdempotencyStore implements IdempotencyStore {
    private static final String PREFIX = "execgate:idempotency:";
    private static final String DELETE_IF_SAME =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    private static final int CLAIM_ATTEMPTS = 3;

    private final RedisConnector connector;
    private final IdempotencyProperties properties;
    private final JsonMapper json;

    /**
     * What a key holds: a claim in flight ({@code status == null}) or an answer, body in Base64. An
     * answer stored before its facts were kept replays as a success without a vendor status.
     */
    @Serdeable
    record Entry(String fingerprint, @Nullable Integer status, @Nullable Map<String, String> headers, @Nullable String body,
                 @Nullable AnswerFacts facts) {
        static Entry claim(String fingerprint) {
            return new Entry(fingerprint, null, null, null, null);
        }

        static Entry of(StoredAnswer answer) {
            return new Entry(answer.fingerprint(), answer.status(), answer.headers(),
                    Base64.getEncoder().encodeToString(answer.body()), answer.facts());
        }

        StoredAnswer answer() {
            return new StoredAnswer(fingerprint, status, headers, Base64.getDecoder().decode(body),
                    facts == null ? AnswerFacts.NONE : facts);
        }
    }

    RedisIdempotencyStore(RedisConnector connector, IdempotencyProperties properties, JsonMapper json) {
        this.connector = connector;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public CompletionStage<Claim> claim(String key, String fingerprint) {
        String inFlight = encode(Entry.claim(fingerprint));
        return commands().thenCompose(redis -> claim(redis, PREFIX + key, fingerprint, inFlight, CLAIM_ATTEMPTS));
    }

    /** {@code SET NX}, else what the key holds; a key that expired between the two commands is claimed again. */
    private CompletionStage<Claim> claim(RedisAsyncCommands<String, String> redis, String key, String fingerprint,
                                         String inFlight, int attempts) {
        if (attempts == 0) {
            return CompletableFuture.completedStage(Claim.IN_FLIGHT);
        }
        SetArgs claiming = SetArgs.Builder.nx().px(properties.inFlightTtl().toMillis());
        return redis.set(key, inFlight, claiming).thenCompose(set -> "OK".equals(set)
                ? CompletableFuture.completedStage(Claim.CLAIMED)
                : redis.get(key).thenCompose(held -> held == null
                        ? claim(redis, key, fingerprint, inFlight, attempts - 1)
                        : CompletableFuture.completedStage(found(decode(held), fingerprint))));
    }

    private static Claim found(Entry held, String fingerprint) {
        if (!held.fingerprint().equals(fingerprint)) {
            return Claim.REUSED;
        }
        return held.status() == null ? Claim.IN_FLIGHT : new Claim(State.DONE, held.answer());
    }

    @Override
    public CompletionStage<Void> complete(String key, StoredAnswer answer) {
        String entry = encode(Entry.of(answer));
        return commands().thenCompose(redis -> redis.set(PREFIX + key, entry, SetArgs.Builder.px(properties.ttl().toMillis())))
                .thenAccept(ok -> { });
    }

    @Override
    public CompletionStage<Void> release(String key, String fingerprint) {
        String claim = encode(Entry.claim(fingerprint));
        return commands().thenCompose(redis -> redis.<Long>eval(DELETE_IF_SAME, ScriptOutputType.INTEGER,
                new String[] {PREFIX + key}, claim)).thenAccept(deleted -> { });
    }

    /** A PING within {@code redis-timeout}: keyed retries fail closed while Redis cannot be reached. */
    @Override
    public CompletionStage<Boolean> reachable() {
        return commands().thenCompose(RedisAsyncCommands::ping).handle((pong, failed) -> "PONG".equals(pong));
    }

    private CompletableFuture<RedisAsyncCommands<String, String>> commands() {
        return connector.connection().thenApply(StatefulRedisConnection::async);
    }

    private String encode(Entry entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Entry decode(String value) {
        try {
            return json.readValue(value, Entry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
