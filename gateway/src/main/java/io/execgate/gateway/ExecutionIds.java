package io.execgate.gateway;

import io.execgate.gateway.problem.GatewayProblem;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the execution id from the raw request path and checks the rules every vendor shares.
 *
 * <p>The router's bound value cannot be used: it is form-decoded ({@code +} becomes a space) and
 * silently turns bad UTF-8 into U+FFFD. Here the segment is percent-decoded exactly once, strictly.
 */
public final class ExecutionIds {
    /** {@code /v1/executions/{vendor}/{executionId}...}: the id is the fourth segment. */
    private static final int ID_SEGMENT = 4;
    private static final int MAX_CODE_POINTS = 256;
    /** Where a problem with the id points: the path parameter, named as the contract names it. */
    public static final String LOCATION = "path.executionId";
    private static final String RETRY = "retry";

    private ExecutionIds() {
    }

    static String from(HttpRequest<?> request) {
        if (request.getUri().getRawFragment() != null) {
            // The router matched "a#b" while the URI's path ends at "a": retrying either would be a guess.
            throw GatewayProblem.invalid(LOCATION, "must not contain a raw '#' (percent-encode it as %23)");
        }
        String[] segments = request.getUri().getRawPath().split("/", -1);
        if (segments.length <= ID_SEGMENT) {
            throw GatewayProblem.invalid(LOCATION, "is missing");
        }
        String id = decode(segments[ID_SEGMENT]);
        if (id.isBlank()) {
            throw GatewayProblem.invalid(LOCATION, "must not be blank");
        }
        if (id.equals(".") || id.equals("..")) {
            throw GatewayProblem.invalid(LOCATION, "must not be . or ..");
        }
        if (id.codePointCount(0, id.length()) > MAX_CODE_POINTS) {
            throw GatewayProblem.invalid(LOCATION, "must be at most 256 characters");
        }
        if (id.codePoints().anyMatch(ExecutionIds::isControl)) {
            throw GatewayProblem.invalid(LOCATION, "must not contain control characters");
        }
        return id;
    }

    /**
     * Whether a path no route matched is an execution path whose id was sent with a raw {@code /}
     * (so it spread over several segments): {@code POST …/{vendor}/a/b/retry}, {@code GET …/{vendor}/a/b}.
     */
    public static boolean spreadOverSegments(HttpRequest<?> request) {
        String[] segments = request.getUri().getRawPath().split("/", -1);
        if (segments.length <= ID_SEGMENT + 1 || !segments[1].equals("v1") || !segments[2].equals("executions")) {
            return false;
        }
        return request.getMethod() == HttpMethod.POST
                ? segments[segments.length - 1].equals(RETRY) && segments.length > ID_SEGMENT + 2
                : (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                        && !segments[segments.length - 1].isEmpty(); // a trailing '/' is only a wrong path
    }

    /** C0, DEL and C1. */
    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw GatewayProblem.invalid(LOCATION, "has a malformed percent-escape");
                }
                bytes.write((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Netty hands raw non-ASCII request-line bytes over as Latin-1; RFC 3986 does not allow them.
                throw GatewayProblem.invalid(LOCATION, "must be percent-encoded UTF-8");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw GatewayProblem.invalid(LOCATION, "must be percent-encoded UTF-8");
        }
    }
}
