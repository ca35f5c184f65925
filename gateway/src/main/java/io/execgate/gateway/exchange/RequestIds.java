package io.execgate.gateway.exchange;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A request's id: the caller's {@code X-Request-Id} when it is safe to echo, else a new one. */
public final class RequestIds {
    private RequestIds() {
    }

    /** The caller's id when it is printable ASCII of at most 200 characters (no CR/LF into a header or a log); else a new one. */
    static String of(String given) {
        if (given != null && !given.isEmpty() && given.length() <= 200) {
            boolean printable = true;
            for (int i = 0; i < given.length() && printable; i++) {
                char c = given.charAt(i);
                printable = c >= 0x20 && c <= 0x7e;
            }
            if (printable) {
                return given;
            }
        }
        return fresh();
    }

    /** A new id: a random version-4 UUID, unique but not secret, so without SecureRandom's cost on every request. */
    public static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xf000L | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }
}
