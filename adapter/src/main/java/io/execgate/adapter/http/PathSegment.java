package io.execgate.adapter.http;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a value as exactly one URI path segment: every byte outside RFC 3986
 * {@code unreserved} is encoded. Micronaut's {@code UriBuilder.path} does not encode at all and
 * its declarative clients leave {@code *} raw and encode {@code ~} (docs/codegen.md), so vendor
 * paths are built with this.
 */
public final class PathSegment {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    public static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return encodeBytes(value);
            }
        }
        return value; // the common case: nothing to encode, nothing to copy
    }

    private static String encodeBytes(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
