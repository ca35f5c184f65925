package io.execgate.adapter.http;

import io.execgate.adapter.problem.SecretRedactor;
import io.execgate.adapter.problem.VendorFailure;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads vendor bodies without ever failing on them: a body that does not decode into its model
 * (not JSON, a required member missing or null, a member of the wrong type) becomes a problem that
 * still carries the vendor's words.
 */
@Singleton
final class VendorBodies {
    private static final Logger LOG = LoggerFactory.getLogger(VendorBodies.class);
    /** The contract cuts a vendor's non-JSON (or large) error body to 2 KB. */
    static final int MAX_ERROR_CHARS = 2048;

    private final TypedJson json;
    private final SecretRedactor redactor;

    VendorBodies(JsonMapper json, SecretRedactor redactor) {
        this.json = new TypedJson(json);
        this.redactor = redactor;
    }

    /**
     * Decodes a body into a generated vendor model, which is the whole check: the model marks the
     * members its spec requires (non-null) as {@code @JsonProperty(required = true)}
     * (generated/templates), so Serde refuses an answer that lacks one, at any depth, and a member
     * of the wrong type does not decode. Members the spec leaves free-form are taken as they come;
     * nothing is bean-validated (docs/performance.md, "Vendor answers decoded once").
     */
    <T> T read(byte[] body, Class<T> type, Supplier<VendorFailure> unexpected) {
        T value;
        try {
            value = json.read(body, type);
        } catch (IOException | RuntimeException undecodable) {
            // The exception's message may quote the body; its type is enough to tell what broke.
            LOG.warn("Vendor answer is not a {}: {}", type.getSimpleName(), undecodable.getClass().getName());
            throw unexpected.get();
        }
        if (value == null) {
            LOG.warn("Vendor answer is not a {}: empty", type.getSimpleName());
            throw unexpected.get();
        }
        return value;
    }

    Object tree(byte[] body) {
        try {
            return body.length == 0 ? null : json.read(body, Object.class);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    byte[] json(Object value) {
        try {
            return json.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a vendor request body", e);
        }
    }

    /**
     * The vendor's body as parsed JSON when it is a small JSON object or array, else its text cut to
     * 2 KB ({@code ""} for no body, so a client can tell "the vendor said nothing" from "no vendor
     * answered"); secrets masked. A bare JSON scalar stays text, keeping the contract's three types.
     */
    Object vendorError(byte[] body) {
        String text = redactor.redact(new String(body, StandardCharsets.UTF_8));
        if (text.length() <= MAX_ERROR_CHARS) {
            Object parsed = tree(text.getBytes(StandardCharsets.UTF_8));
            return parsed instanceof Map<?, ?> || parsed instanceof List<?> ? parsed : text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_ERROR_CHARS - 1)) ? MAX_ERROR_CHARS - 1 : MAX_ERROR_CHARS;
        return text.substring(0, end);
    }
}
