package io.execgate.drift

import org.yaml.snakeyaml.Yaml
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Quiet by default (issue 18, item 1): text and markdown list what breaks or drifts and sum up the
 * rest by kind; {@code --details} / {@code --min-severity} choose what is listed; markdown stays
 * under GitHub's comment limit whatever the input; JSON keeps every finding.
 */
class SpecDiffQuietSpec extends Specification {
    static final File HISTORY = SpecDiffRun.HISTORY
    static final String JUNE = new File(HISTORY, 'skyvern_openapi.2026-06-06.c4b9c79de.json').path
    static final String JULY = new File(HISTORY, 'skyvern_openapi.2026-07-14.373778ecc.json').path

    @TempDir Path temp

    def "Skyvern's real 06-06 -> 07-14 touches nothing the adapter uses: a few lines by default, every finding on request"() {
        when:
        def quiet = SpecDiffRun.of(JUNE, JULY, '--vendor', 'skyvern')
        def details = SpecDiffRun.of(JUNE, JULY, '--vendor', 'skyvern', '--details')
        def json = SpecDiffRun.of(JUNE, JULY, '--vendor', 'skyvern', '--format', 'json')

        then:
        quiet.exitCode == 0
        quiet.out.readLines().size() <= 40
        quiet.out.contains('206 info findings not listed, by kind (--details lists each):')
        quiet.out.readLines().findAll { it.startsWith('INFO ') }.collect { it.replaceAll(/:.*/, '') } ==
                ['INFO     ADDED', 'INFO     REMOVED', 'INFO     CHANGED']
        quiet.out.readLines().last() == '0 breaking, 0 drift, 206 info; --fail-on drift: exit 0'

        and: '--details lists each, as before'
        details.exitCode == 0
        details.out.readLines().count { it.startsWith('INFO ') } == 206
        !details.out.contains('not listed')

        and: 'JSON is for programs: every finding, whatever the options'
        json.json().findings.size() == 206
    }

    def "--min-severity #level lists #listed and counts the rest; the exit code does not change"() {
        when:
        def run = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--min-severity', level)

        then:
        run.exitCode == 1
        run.out.contains('DRIFT    STATUS_VALUE_UNMAPPED  POST ') == listed.contains('drift')
        run.out.contains('DRIFT    STATUS_VALUE_UNMAPPED: 1') == !listed.contains('drift')
        run.out.contains('1 drift finding not listed') == !listed.contains('drift')

        where:
        level      | listed
        'breaking' | 'breaking only'
        'drift'    | 'breaking and drift'
        'info'     | 'breaking, drift and info'
    }

    def "a bad --min-severity is a usage error"() {
        when:
        def run = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--min-severity', 'none')

        then:
        run.exitCode == 2
        run.out == ''
        run.err.startsWith("spec-diff: --min-severity takes breaking, drift or info, not 'none'")
    }

    def "markdown stays under 60,000 characters whatever the input, and says what it left out"() {
        given: 'Kinetic gaining 3,000 operations with long descriptions'
        def yaml = new Yaml()
        def old = yaml.load(new File("$SpecDiffRun.FIXTURES/kinetic/old.yaml").text)
        def now = yaml.load(yaml.dump(old))
        (1..3000).each { now.paths["/api/extra/$it".toString()] = [get: [description: 'x' * 200, responses: ['200': [description: 'ok']]]] }
        def (File before, File after) = SpecDiffRun.written(temp, old, now)

        when:
        def listed = SpecDiffRun.of(before.path, after.path, '--format', 'markdown', '--details')
        def quiet = SpecDiffRun.of(before.path, after.path, '--format', 'markdown')
        def json = SpecDiffRun.of(before.path, after.path, '--format', 'json')

        then:
        json.json().findings.size() == 3000
        listed.exitCode == 0
        listed.out.length() <= 60_000
        listed.out.length() > 50_000
        listed.out =~ /_\d+ more not shown: a comment is kept under 60,000 characters. `--format json` lists every finding._/
        listed.out.trim().endsWith('finding._')

        and: 'by default the 3,000 are one row'
        quiet.out.length() < 2_000
        quiet.out.contains('| INFO | ADDED | 3000 | `/paths/~1api~1extra~11`<br>')
    }
}
