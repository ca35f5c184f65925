package io.execgate.gateway.follow.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com, "Signature scheme"), so a
 * receiver can check a notification with any of that specification's libraries instead of code
 * written for ExecGate.
 *
 * <p>A secret is {@code whsec_} and the base64 of 24 to 64 random bytes (the specification's
 * "at least 24 bytes, 512 bits maximum"). Nothing here puts a secret or a key into an exception
 * message: a malformed secret is reported as malformed, never echoed, since even a wrong secret is
 * usually a real one with a typo.
 */
public final class StandardWebhooks {
    /** Marks a symmetric signing secret, as the specification serialises it. */
    public static final String SECRET_PREFIX = "whsec_";
    /** The shortest key the specification allows, in bytes. */
    public static final int MIN_KEY_BYTES = 24;
    /** The longest key the specification allows, in bytes (512 bits). */
    public static final int MAX_KEY_BYTES = 64;

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final String MALFORMED = "is not a webhook secret: expected " + SECRET_PREFIX
            + " followed by the base64 of " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " random bytes";

    private StandardWebhooks() {
    }

    /**
     * The HMAC key a {@code whsec_<base64>} secret stands for.
     *
     * @throws IllegalArgumentException when {@code secret} is anything else; the message names the
     *                                  expected form, never the value
     */
    public static byte[] secretKey(String secret) {
        byte[] key = decoded(secret);
        if (key == null) {
            throw new IllegalArgumentException(MALFORMED);
        }
        return key;
    }

    /** Whether {@link #secretKey} accepts {@code value}. */
    public static boolean isSecret(String value) {
        return decoded(value) != null;
    }

    /**
     * The {@code webhook-signature} header value: {@code v1,} and the base64 HMAC-SHA256 of
     * {@code <id>.<timestamp>.<body>}. The body is signed as the exact bytes sent; re-serialising
     * it afterwards would break the signature.
     *
     * @param key       the HMAC key ({@link #secretKey})
     * @param id        the {@code webhook-id}; it may not contain {@code .}, which would let one
     *                  (id, timestamp) pair pass for another (the specification's advice)
     * @param timestamp the {@code webhook-timestamp}, Unix seconds
     * @param body      the request body exactly as sent
     */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("the signing key is empty");
        }
        if (id == null || id.isEmpty() || id.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a webhook id must be non-empty and contain no '.'");
        }
        Mac mac = newMac(key);
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** The key, or null for anything that is not a well-formed secret of an allowed length. */
    private static byte[] decoded(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException malformed) {
            // not rethrown: the decoder's message quotes the offending character of the secret
            return null;
        }
        return key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES ? key : null;
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            // the cause is dropped on purpose: a provider's message may describe the key
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM");
        }
    }
}
