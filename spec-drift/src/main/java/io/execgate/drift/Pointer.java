package io.execgate.drift;

/** JSON pointer (RFC 6901) tokens. */
final class Pointer {
    private Pointer() {
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** Whether {@code pointer} is {@code ancestor} or below it. */
    static boolean within(String pointer, String ancestor) {
        return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }
}
