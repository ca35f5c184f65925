package io.execgate.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do wrong on one request, parsed from a fault spec such as {@code latency=2s,unseen-status}.
 *
 * <p>Modes that stand in for the vendor ({@code status}, {@code rate-limit}, {@code html-502},
 * {@code drop}) answer before the vendor acts: nothing changes. Modes that spoil the vendor's answer
 * ({@code empty}, {@code malformed}, {@code wrong-type}, {@code unseen-status}) and {@code latency}
 * let the vendor act first, as a slow or broken vendor does, so a retry really happened.
 *
 * @param spec         the text it was parsed from
 * @param latency      added before the answer is written
 * @param status       answer this status with the vendor's error body, or {@code null}
 * @param retryAfter   answer the vendor's 429 with this {@code Retry-After}, or {@code null}
 * @param html502      answer a proxy's HTML 502 page
 * @param drop         close the connection without answering
 * @param empty        the vendor's status with an empty body
 * @param malformed    the vendor's body cut in half
 * @param wrongType    every {@code status} member turned into an object
 * @param unseenStatus every {@code status} member set to a value no vendor documents
 */
public record FaultPlan(String spec, Duration latency, Integer status, Integer retryAfter, boolean html502,
                        boolean drop, boolean empty, boolean malformed, boolean wrongType, boolean unseenStatus) {

    /** The status value {@code unseen-status} writes. */
    public static final String UNSEEN_STATUS = "teleporting";
    /** The modes, as documented in the README. */
    public static final List<String> MODES = List.of("latency=<ms|Ns>", "status=<code>", "rate-limit[=<seconds>]",
            "html-502", "drop", "empty", "malformed", "wrong-type", "unseen-status");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s)?");

    /** Parses a comma-separated fault spec; anything unknown is an {@link IllegalArgumentException}. */
    public static FaultPlan parse(String spec) {
        Duration latency = Duration.ZERO;
        Integer status = null;
        Integer retryAfter = null;
        boolean html502 = false, drop = false, empty = false, malformed = false, wrongType = false, unseen = false;
        List<String> answers = new ArrayList<>();
        for (String token : spec.split(",")) {
            String[] kv = token.trim().toLowerCase(Locale.ROOT).split("=", 2);
            String value = kv.length > 1 ? kv[1].trim() : null;
            switch (kv[0].trim()) {
                case "latency" -> latency = duration(value);
                case "status" -> {
                    status = number(value, 200, 599, "status");
                    answers.add("status");
                }
                case "rate-limit" -> {
                    retryAfter = value == null ? 2 : number(value, 0, 86_400, "rate-limit");
                    answers.add("rate-limit");
                }
                case "html-502" -> {
                    html502 = true;
                    answers.add("html-502");
                }
                case "drop" -> {
                    drop = true;
                    answers.add("drop");
                }
                case "empty" -> empty = true;
                case "malformed" -> malformed = true;
                case "wrong-type" -> wrongType = true;
                case "unseen-status" -> unseen = true;
                default -> throw new IllegalArgumentException("unknown sandbox fault '" + token.trim() + "'; known: " + MODES);
            }
        }
        if (answers.size() > 1) {
            throw new IllegalArgumentException("at most one of status, rate-limit, html-502, drop: " + answers);
        }
        return new FaultPlan(spec.trim(), latency, status, retryAfter, html502, drop, empty, malformed, wrongType, unseen);
    }

    /** Whether the fault answers instead of the vendor (nothing at the vendor changes). */
    public boolean answersInsteadOfVendor() {
        return status != null || retryAfter != null || html502 || drop;
    }

    /** Whether the fault rewrites the vendor's own answer. */
    public boolean spoilsBody() {
        return empty || malformed || wrongType || unseenStatus;
    }

    private static Duration duration(String value) {
        Matcher m = value == null ? null : DURATION.matcher(value);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("latency needs a duration such as 1500 (ms), 1500ms or 2s");
        }
        long amount = Long.parseLong(m.group(1));
        return "s".equals(m.group(2)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    }

    private static int number(String value, int min, int max, String what) {
        try {
            int n = Integer.parseInt(value == null ? "" : value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException(what + " needs a number from " + min + " to " + max);
    }
}
