package io.execgate.drift

import spock.lang.Specification

/**
 * The three output formats, byte for byte, on three pairs. After an intended change of wording,
 * rewrite them with {@code ./mvnw -pl spec-drift test -Dspec-diff.golden.update=true} and review
 * the diff.
 */
class GoldenReportSpec extends Specification {
    static final File GOLDEN = new File('src/test/resources/golden')

    def "#vendor #change as #format"() {
        given:
        def expected = new File(GOLDEN, "${vendor}-${change}.${extension}")

        when:
        def run = SpecDiffRun.fixture(vendor, change, '--format', format)
        if (Boolean.getBoolean('spec-diff.golden.update')) {
            expected.parentFile.mkdirs()
            expected.text = run.out
        }

        then:
        run.out == expected.text

        where:
        [vendor, change, format] << [
                [['kinetic', 'status-cancelled'], ['skyvern', 'run-id-dropped'], ['kaizen', 'nesting-data'], ['algapsa', 'auth-header']],
                ['text', 'markdown', 'json']].combinations().collect { it[0] + [it[1]] }
        extension = [text: 'txt', markdown: 'md', json: 'json'][format]
    }

    def "#vendor #change with --details as #format"() {
        given: 'every finding listed, INFO included, as all were before quiet-by-default'
        def expected = new File(GOLDEN, "${vendor}-${change}.details.${extension}")

        when:
        def run = SpecDiffRun.fixture(vendor, change, '--format', format, '--details')
        if (Boolean.getBoolean('spec-diff.golden.update')) {
            expected.text = run.out
        }

        then:
        run.out == expected.text

        where:
        [vendor, change, format] << [[['skyvern', 'run-id-dropped'], ['kaizen', 'nesting-data']], ['text', 'markdown']]
                .combinations().collect { it[0] + [it[1]] }
        extension = [text: 'txt', markdown: 'md'][format]
    }
}
