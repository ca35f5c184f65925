package io.execgate.adapter;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads vendor date-times with or without an offset. FastAPI vendors (Kinetic, Skyvern) send
 * naive timestamps, which serde's reader rejects; the contract takes them as UTC. Replaces
 * serde's {@code ZonedDateTime} reader application-wide, on purpose.
 */
@Singleton
public final class LenientZonedDateTime implements Deserializer<ZonedDateTime> {

    @Override
    public ZonedDateTime deserialize(Decoder decoder, DecoderContext context, Argument<? super ZonedDateTime> type)
            throws IOException {
        String text = decoder.decodeString();
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned ? zoned : ((LocalDateTime) parsed).atZone(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw decoder.createDeserializationException("not an ISO-8601 date-time", null);
        }
    }

    @Override
    public ZonedDateTime deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super ZonedDateTime> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
