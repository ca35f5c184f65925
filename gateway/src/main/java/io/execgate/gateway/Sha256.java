package io.execgate.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The gateway's one digest: client keys are kept as SHA-256 digests, idempotency keys and request
 * fingerprints are SHA-256 digests of their parts.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** The digest of the parts' UTF-8 bytes, a NUL between parts (so {@code ("ab","c")} and {@code ("a","bc")} differ). */
    public static byte[] of(String... parts) {
        MessageDigest digest = newDigest();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                digest.update((byte) 0);
            }
            digest.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return digest.digest();
    }

    /** {@link #of} as 64 lowercase hex digits. */
    public static String hex(String... parts) {
        return HexFormat.of().formatHex(of(parts));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
