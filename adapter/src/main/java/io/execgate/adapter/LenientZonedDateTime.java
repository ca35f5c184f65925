package io.execgate.adapter;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads vendor date-times with or without an offset. Vendors built on FastAPI send naive
 * timestamps (Python {@code datetime} without a zone), which serde's reader rejects; the contract takes them as UTC. Replaces
 * serde's {@code ZonedDateTime} reader application-wide, on purpose.
 */
@Singleton
public final class LenientZonedDateTime implements Deserializer<ZonedDateTime> {

    @Override
    public ZonedDateTime deserialize(Decoder decoder, DecoderContext context, Argument<? super ZonedDateTime> type)
            throws IOException {
        String text = decoder.decodeString();
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            throw decoder.createDeserializationException("not an ISO-8601 date-time", null);
        }
    }

    /**
     * {@link DateTimeFormatter#ISO_DATE_TIME}'s reading, a naive time taken as UTC. Every vendor
     * answer carries a few of these, and the formatter's general parser was 3 % of a retry's CPU
     * (docs/performance.md): the shape vendors send, {@code 2025-01-02T03:04:05[.fraction][Z|±hh:mm]},
     * is read directly; anything else, or anything out of range, goes to the formatter, whose answer
     * (value or exception) is authoritative.
     */
    static ZonedDateTime parse(String text) {
        ZonedDateTime common = parseCommonShape(text);
        if (common != null) {
            return common;
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof ZonedDateTime zoned ? zoned : ((LocalDateTime) parsed).atZone(ZoneOffset.UTC);
    }

    private static ZonedDateTime parseCommonShape(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            if (i == start) {
                return null;
            }
            for (int pad = i - start; pad < 9; pad++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (i < n && s.charAt(i) == 'Z') {
            i++;
        } else if (i + 6 == n && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int offsetHours = digits(s, i + 1, 2);
            int offsetMinutes = digits(s, i + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0) {
                return null;
            }
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
            } catch (DateTimeException outOfRange) {
                return null;
            }
            i = n;
        }
        if (i != n || (year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 when any of it is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public ZonedDateTime deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super ZonedDateTime> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
