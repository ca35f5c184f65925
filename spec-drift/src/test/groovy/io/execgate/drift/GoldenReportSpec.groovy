package io.execgate.drift

import spock.lang.Specification

/**
 * The three output formats, byte for byte, on three pairs. After an intended change of wording,
 * rewrite them with {@code ./mvnw -pl spec-drift test -Dspec-diff.golden.update=true} and review
 * the diff.
 */
class GoldenReportSpec extends Specification {
    static final File GOLDEN = new File('src/test/resources/golden')
    static final File HISTORY = SpecDiffRun.HISTORY
    static final Map<String, String> SKYVERN = [
            '05-29': 'skyvern_openapi.2026-05-29.318994774.json', '06-06': 'skyvern_openapi.2026-06-06.c4b9c79de.json',
            '07-14': 'skyvern_openapi.2026-07-14.373778ecc.json', '07-20': 'skyvern_openapi.2026-07-20.a77cdac72.json']

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

    def "Skyvern's real #before -> #after as #format, the vendor inferred"() {
        given: "the documents' folder written as <history>, so the files hold no machine's path"
        def expected = new File(GOLDEN, "history/skyvern-${before}-${after}.${extension}")
        String folder = HISTORY.canonicalPath

        when:
        def run = SpecDiffRun.of(new File(HISTORY, SKYVERN[before]).canonicalPath, new File(HISTORY, SKYVERN[after]).canonicalPath,
                '--format', format)
        String out = run.out.replace(folder, '<history>')
        if (Boolean.getBoolean('spec-diff.golden.update')) {
            expected.parentFile.mkdirs()
            expected.text = out
        }

        then:
        run.exitCode == exit
        out == expected.text

        where:
        [pair, format] << [[['05-29', '06-06', 0], ['06-06', '05-29', 1], ['06-06', '07-14', 0], ['07-14', '07-20', 0]],
                           ['text', 'markdown', 'json', 'sarif']].combinations()
        before = pair[0]
        after = pair[1]
        exit = pair[2]
        extension = [text: 'txt', markdown: 'md', json: 'json', sarif: 'sarif'][format]
    }
}
