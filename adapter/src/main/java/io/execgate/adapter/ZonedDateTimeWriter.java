package io.execgate.adapter;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes date-times exactly as serde's own writer does ({@link DateTimeFormatter#ISO_ZONED_DATE_TIME},
 * e.g. {@code 2026-03-01T08:15:30.123456Z}), without the formatter's general machinery: it built
 * a {@code BigDecimal} for each fraction of a second, half of what writing an {@code Execution}
 * allocated (docs/performance.md). The shape every answer has (an offset, a four-digit year) is
 * written directly; anything else goes to the formatter. Replaces serde's {@code ZonedDateTime}
 * writer application-wide, on purpose, as {@link LenientZonedDateTime} replaces its reader; serde's
 * date-format settings therefore do not apply to it (the gateway sets none: the contract's
 * date-times are RFC 3339 strings).
 */
@Singleton
public final class ZonedDateTimeWriter implements Serializer<ZonedDateTime> {

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends ZonedDateTime> type,
                          ZonedDateTime value) throws IOException {
        encoder.encodeString(format(value));
    }

    static String format(ZonedDateTime time) {
        int year = time.getYear();
        if (!(time.getZone() instanceof ZoneOffset offset) || year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time);
        }
        StringBuilder out = new StringBuilder(35);
        pad(out, year, 4).append('-');
        pad(out, time.getMonthValue(), 2).append('-');
        pad(out, time.getDayOfMonth(), 2).append('T');
        pad(out, time.getHour(), 2).append(':');
        pad(out, time.getMinute(), 2).append(':');
        pad(out, time.getSecond(), 2);
        fraction(out, time.getNano());
        return offset(out, offset.getTotalSeconds()).toString();
    }

    /** The formatter's fraction: none for zero, else a point and the digits without trailing zeros. */
    private static void fraction(StringBuilder out, int nanos) {
        if (nanos == 0) {
            return;
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        pad(out.append('.'), nanos, digits);
    }

    /** The formatter's offset: {@code Z} for zero, else {@code ±hh:mm}, and {@code :ss} when it has seconds. */
    private static StringBuilder offset(StringBuilder out, int totalSeconds) {
        if (totalSeconds == 0) {
            return out.append('Z');
        }
        int abs = Math.abs(totalSeconds);
        pad(out.append(totalSeconds < 0 ? '-' : '+'), abs / 3600, 2).append(':');
        pad(out, abs / 60 % 60, 2);
        return abs % 60 == 0 ? out : pad(out.append(':'), abs % 60, 2);
    }

    /** {@code value} (not negative) in {@code width} decimal digits, zeros in front. */
    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int unit = pow10(width - 1); unit > 0; unit /= 10) {
            out.append((char) ('0' + value / unit % 10));
        }
        return out;
    }

    private static int pow10(int exponent) {
        int p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }
}
