package io.execgate.adapter

import io.micronaut.context.ApplicationContext
import io.micronaut.core.type.Argument
import io.micronaut.json.JsonMapper
import io.micronaut.serde.SerdeRegistry
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter

/** The date-time writer says exactly what serde's formatter-based writer says, only cheaper. */
class ZonedDateTimeWriterSpec extends Specification {
    @Shared @AutoCleanup ApplicationContext context = ApplicationContext.run()

    def "#time is written as the ISO formatter writes it"() {
        expect:
        ZonedDateTimeWriter.format(time) == DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time)

        where:
        time << [
                ZonedDateTime.of(2026, 3, 1, 8, 15, 30, 123_456_000, ZoneOffset.UTC),
                ZonedDateTime.of(2026, 3, 1, 8, 15, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2026, 12, 31, 23, 59, 59, 1, ZoneOffset.UTC),
                ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 100_000_000, ZoneOffset.ofHoursMinutes(5, 30)),
                ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 999_999_999, ZoneOffset.ofHoursMinutes(0, -30)),
                ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutesSeconds(-1, -2, -3)),
                ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.MAX),
                ZonedDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
                ZonedDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneId.of('Europe/Berlin')),
                ZonedDateTime.of(2026, 3, 1, 8, 15, 30, 0, ZoneId.of('UTC')),
        ]
    }

    def "10,000 random date-times are written as the ISO formatter writes them"() {
        given:
        def random = new Random(16)

        expect:
        (1..10_000).every {
            def time = ZonedDateTime.of(LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)),
                    ZoneOffset.ofTotalSeconds(random.nextInt(3) == 0 ? 0 : random.nextInt(36_001) * (random.nextBoolean() ? 1 : -1)))
            ZonedDateTimeWriter.format(time) == DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time)
        }
    }

    def "the application writes date-times with it"() {
        given:
        def time = ZonedDateTime.of(2026, 3, 1, 8, 15, 30, 120_000_000, ZoneOffset.UTC)

        expect:
        context.getBean(SerdeRegistry).findSerializer(Argument.of(ZonedDateTime)) instanceof ZonedDateTimeWriter
        context.getBean(JsonMapper).writeValueAsString([at: time]) == '{"at":"2026-03-01T08:15:30.12Z"}'
    }
}
