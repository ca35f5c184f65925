package io.execgate.drift

import com.networknt.schema.InputFormat
import com.networknt.schema.SchemaRegistry
import com.networknt.schema.SpecificationVersion
import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * {@code --accept FILE} (issue 18, item 6): an acknowledged finding is still reported, marked, and
 * sets no exit code; an entry matching nothing is reported stale.
 */
class SpecDiffAcceptSpec extends Specification {
    static final String POINTER = '/components/schemas/ExecutionResponse/properties/status/anyOf/0/enum'

    @TempDir Path temp

    private String acceptFile(String text) {
        def file = temp.resolve('accepted.yaml')
        file.toFile().text = text
        file.toString()
    }

    def "an accepted drift is reported, marked with its reason, and the check passes; #entries"() {
        given:
        def accept = acceptFile(entries)

        when:
        def text = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--accept', accept)
        def json = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--accept', accept, '--format', 'json')
        def markdown = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--accept', accept, '--format', 'markdown')

        then:
        text.exitCode == exit
        json.exitCode == exit
        text.out.contains('DRIFT    STATUS_VALUE_UNMAPPED  POST ')
        text.out.contains('  accepted cancelled ships next sprint (--accept; sets no exit code)') == accepted
        json.json().findings[0].accepted == (accepted ? 'cancelled ships next sprint' : null)
        markdown.out.contains('**Accepted:** cancelled ships next sprint') == accepted
        text.out.contains('STALE    --accept AUTH_CHANGED /security: matches no finding; remove it (key moved)') == stale
        (json.json().staleAccepted == [[kind: 'AUTH_CHANGED', pointer: '/security', reason: 'key moved']]) == stale
        markdown.out.contains('**Stale `--accept` entry**: `AUTH_CHANGED /security`') == stale

        where:
        entries                                                                                              || exit | accepted | stale
        "- {kind: STATUS_VALUE_UNMAPPED, pointer: '$POINTER', reason: cancelled ships next sprint}\n"         || 0    | true     | false
        "- {kind: STATUS_VALUE_UNMAPPED, pointer: '$POINTER', reason: cancelled ships next sprint}\n" +
                "- {kind: AUTH_CHANGED, pointer: /security, reason: key moved}\n"                             || 0    | true     | true
        "- {kind: AUTH_CHANGED, pointer: /security, reason: key moved}\n"                                     || 1    | false    | true
        "- {kind: ENUM_VALUE_ADDED, pointer: '$POINTER', reason: cancelled ships next sprint}\n"              || 1    | false    | false
    }

    def "the JSON with accepted and stale entries follows docs/spec-diff.schema.json, and SARIF marks the suppression"() {
        given:
        def accept = acceptFile("- {kind: STATUS_VALUE_UNMAPPED, pointer: '$POINTER', reason: next sprint}\n" +
                "- {kind: AUTH_CHANGED, pointer: /security, reason: key moved}\n")
        def root = new File(System.getProperty('execgate.root', '..'))
        def schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new File(root, 'docs/spec-diff.schema.json').text, InputFormat.JSON)
        def sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(new File('src/test/resources/sarif/sarif-schema-2.1.0.json').text, InputFormat.JSON)

        when:
        def json = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--accept', accept, '--format', 'json')
        def sarif = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--accept', accept, '--format', 'sarif')

        then:
        schema.validate(json.out, InputFormat.JSON)*.toString() == []
        sarifSchema.validate(sarif.out, InputFormat.JSON)*.toString() == []
        new JsonSlurper().parseText(sarif.out).runs[0].results[0].suppressions == [[kind: 'external', justification: 'next sprint']]
        sarif.exitCode == 0
    }

    def "an unusable --accept file is a usage error: #problem"() {
        given:
        def accept = content == null ? temp.resolve('missing.yaml').toString() : acceptFile(content)

        when:
        def run = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--accept', accept)

        then:
        run.exitCode == 2
        run.out == ''
        run.err == "spec-diff: $accept: $message\n"

        where:
        problem        | content                                             || message
        'missing'      | null                                                || 'no such file'
        'not a list'   | 'kind: X\n'                                         || 'expected a list of {kind, pointer, reason}'
        'no reason'    | "- {kind: STATUS_VALUE_UNMAPPED, pointer: /x}\n"   || 'entry 1 has no reason'
    }
}
