package io.execgate.gateway.idempotency;

import io.execgate.gateway.exchange.AnswerFacts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * The shared store, when {@code execgate.idempotency.redis-uri} is set: every gateway instance on
 * the same Redis sees the same claims and answers. A claim is {@code SET key NX PX in-flight-ttl}
 * (exactly one instance wins), an answer {@code SET key PX ttl}, a release a compare-and-delete script.
 * The connection is Micronaut's Lettuce support ({@code redis.servers.idempotency} in application.yml).
 */
@Singleton
@Replaces(InMemoryIdempotencyStore.class)
@Requires(property = "execgate.idempotency.redis-uri")
final class RedisIdempotencyStore implements IdempotencyStore {
    private static final String PREFIX = "execgate:idempotency:";
    private static final String DELETE_IF_SAME =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private final BeanProvider<StatefulRedisConnection<String, String>> connection;
    private volatile RedisCommands<String, String> commands;
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

    /** The connection is opened on first use: a Redis that is down fails keyed retries, not the gateway's start. */
    RedisIdempotencyStore(@Named("idempotency") BeanProvider<StatefulRedisConnection<String, String>> connection,
                          IdempotencyProperties properties, JsonMapper json) {
        this.connection = connection;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Claim claim(String key, String fingerprint) {
        RedisCommands<String, String> redis = redis();
        String inFlight = encode(Entry.claim(fingerprint));
        for (int attempt = 0; attempt < 3; attempt++) {
            if ("OK".equals(redis.set(PREFIX + key, inFlight, SetArgs.Builder.nx().px(properties.inFlightTtl().toMillis())))) {
                return Claim.CLAIMED;
            }
            String held = redis.get(PREFIX + key);
            if (held == null) {
                continue; // it expired between the two commands: claim again
            }
            Entry entry = decode(held);
            if (!entry.fingerprint().equals(fingerprint)) {
                return Claim.REUSED;
            }
            return entry.status() == null ? Claim.IN_FLIGHT : new Claim(State.DONE, entry.answer());
        }
        return Claim.IN_FLIGHT;
    }

    @Override
    public void complete(String key, StoredAnswer answer) {
        redis().set(PREFIX + key, encode(Entry.of(answer)), SetArgs.Builder.px(properties.ttl().toMillis()));
    }

    @Override
    public void release(String key, String fingerprint) {
        redis().eval(DELETE_IF_SAME, ScriptOutputType.INTEGER, new String[] {PREFIX + key},
                encode(Entry.claim(fingerprint)));
    }

    /** A PING within {@code redis-timeout}: keyed retries fail closed while Redis cannot be reached. */
    @Override
    public boolean reachable() {
        try {
            return "PONG".equals(redis().ping());
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** The connection's commands, set up on first use (and tried again while Redis cannot be reached). */
    private RedisCommands<String, String> redis() {
        RedisCommands<String, String> current = commands;
        if (current == null) {
            StatefulRedisConnection<String, String> redis = connection.get();
            redis.setTimeout(properties.redisTimeout()); // a lost Redis must not hold a retry for Lettuce's default 60 s
            current = redis.sync();
            commands = current;
        }
        return current;
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
