package io.execgate.gateway.follow;

import io.execgate.gateway.problem.GatewayProblem;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of a request's {@code Prefer} headers (RFC 7240): how long the caller
 * is willing to wait for the execution to end. Other preferences ({@code respond-async},
 * {@code return=…}) are ignored, as the RFC asks of a server that does not act on them; a {@code wait}
 * that is not a number of seconds is the caller's mistake and a 400.
 */
public final class WaitPreference {
    private static final String HEADER = "header.Prefer";

    private WaitPreference() {
    }

    /**
     * The wait asked for in {@code headers} (every {@code Prefer} header, each a comma-separated list),
     * cut to {@code max}; empty when none asks for one. The first {@code wait} counts, as RFC 7240
     * section 2 says of a preference given twice.
     */
    public static Optional<Duration> of(List<String> headers, Duration max) {
        for (String header : headers) {
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0].trim(); // parameters after ';' qualify a preference
                int equals = token.indexOf('=');
                String name = (equals < 0 ? token : token.substring(0, equals)).trim();
                if (name.toLowerCase(Locale.ROOT).equals("wait")) {
                    return Optional.of(seconds(equals < 0 ? "" : token.substring(equals + 1).trim(), max));
                }
            }
        }
        return Optional.empty();
    }

    private static Duration seconds(String value, Duration max) {
        String digits = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw GatewayProblem.invalid(HEADER, "wait must be a whole number of seconds, e.g. Prefer: wait=30");
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(digits));
        return asked.compareTo(max) > 0 ? max : asked;
    }

    /** The {@code Preference-Applied} value for a wait of {@code wait}. */
    public static String applied(Duration wait) {
        return "wait=" + wait.toSeconds();
    }
}
