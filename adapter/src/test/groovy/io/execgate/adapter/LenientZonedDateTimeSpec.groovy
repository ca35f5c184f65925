package io.execgate.adapter

import spock.lang.Specification

import java.time.LocalDateTime
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException
import java.time.temporal.TemporalAccessor

/**
 * Vendor date-times are read as {@link DateTimeFormatter#ISO_DATE_TIME} reads them, a naive time
 * taken as UTC. The direct reading of the common shape must agree with the formatter on every
 * input: same instant, same zone, same refusals.
 */
class LenientZonedDateTimeSpec extends Specification {

    def "#text reads as the ISO formatter reads it"() {
        expect:
        LenientZonedDateTime.parse(text) == viaFormatter(text)
        LenientZonedDateTime.parse(text).zone == viaFormatter(text).zone

        where:
        text << [
                '2025-01-02T03:04:05',                  // FastAPI's naive time: UTC
                '2025-01-02T03:04:05Z',
                '2025-01-02T03:04:05.1Z',
                '2025-01-02T03:04:05.123456',
                '2025-01-02T03:04:05.123456789Z',
                '2025-01-02T03:04:05+02:00',
                '2025-01-02T03:04:05.5-05:30',
                '2025-01-02T03:04:05-00:00',
                '2025-01-02T03:04:05+18:00',
                '2024-02-29T23:59:59.999999999+01:00',
                // shapes left to the formatter
                '2025-01-02T03:04',
                '2025-01-02t03:04:05z',
                '2025-01-02T03:04:05.Z',                // a point with no digits: the formatter takes it
                '2025-01-02T03:04:05+02:00:30',
                '2025-01-02T03:04:05+02:00[Europe/Paris]',
                '2025-01-02T03:04:05Z[UTC]',
        ]
    }

    def "#text is refused, as the ISO formatter refuses it"() {
        when:
        LenientZonedDateTime.parse(text)

        then:
        thrown(DateTimeParseException)

        where:
        text << [
                '2025-02-30T03:04:05Z',                 // no such day
                '2025-01-02T24:00:00Z',
                '2025-01-02T03:60:05',
                '2025-01-02T03:04:60',
                '2025-13-02T03:04:05',
                '2025-01-02T03:04:05+02',               // an offset needs its minutes
                '2025-01-02T03:04:05.1234567891Z',      // ten fraction digits
                '2025-01-02T03:04:05+19:00',
                '2025-01-02T03:04:05+02:60',
                '2025-01-02T03:04:05 ',
                '2025-01-02 03:04:05',
                '2025-1-02T03:04:05',
                '２０２５-01-02T03:04:05',                 // non-ASCII digits
                '2025-01-02T03:04:05+0a:00',
                '',
                'yesterday',
        ]
    }

    private static ZonedDateTime viaFormatter(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from)
        parsed instanceof ZonedDateTime ? parsed as ZonedDateTime : (parsed as LocalDateTime).atZone(ZoneOffset.UTC)
    }
}
