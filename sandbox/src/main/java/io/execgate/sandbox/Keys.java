package io.execgate.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Key comparison for the simulators: constant time, like the vendors they stand in for should. */
public final class Keys {
    private Keys() {
    }

    public static boolean matches(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
