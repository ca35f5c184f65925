package io.execgate.drift

import org.yaml.snakeyaml.Yaml
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * One edit repeated in several operations is one finding naming them all (issue 18, item 2): a
 * tag renamed, the same description or summary set everywhere.
 */
class SpecDiffGroupingSpec extends Specification {
    static final File HISTORY = SpecDiffRun.HISTORY

    @TempDir Path temp

    def "Kaizen's tag renamed and one summary given to both operations: one finding each"() {
        given:
        def yaml = new Yaml()
        def old = yaml.load(new File("$SpecDiffRun.FIXTURES/kaizen/old.yaml").text)
        def now = yaml.load(yaml.dump(old))
        now.paths.values().each { it.post.tags = ['Runs']; it.post['x-stability'] = 'beta' }
        def (File before, File after) = SpecDiffRun.written(temp, old, now)

        when:
        def findings = SpecDiffRun.of(before.path, after.path, '--format', 'json').json().findings

        then:
        findings.collect { [it.kind, it.operation, it.pointer, it.before, it.after] } == [
                ['CHANGED', 'POST /executions/retry, POST /executions/get', '/paths/~1executions~1retry/post/tags', 'Executions', 'Runs'],
                ['ADDED', 'POST /executions/retry, POST /executions/get', '/paths/~1executions~1retry/post/x-stability', null, 'beta']]
        findings.every { it.impact.endsWith(" The same change in 2 operations; the pointer is the first's.") }
    }

    def "an edit in one operation only is not grouped with another's different edit"() {
        given:
        def yaml = new Yaml()
        def old = yaml.load(new File("$SpecDiffRun.FIXTURES/kaizen/old.yaml").text)
        def now = yaml.load(yaml.dump(old))
        now.paths['/executions/retry'].post.summary = 'Retry'
        now.paths['/executions/get'].post.summary = 'Get'
        def (File before, File after) = SpecDiffRun.written(temp, old, now)

        when:
        def findings = SpecDiffRun.of(before.path, after.path, '--format', 'json').json().findings

        then:
        findings.collect { [it.kind, it.operation, it.after] } ==
                [['CHANGED', 'POST /executions/retry', 'Retry'], ['CHANGED', 'POST /executions/get', 'Get']]
        findings.every { it.impact == 'Nothing the kaizen adapter calls, sends or reads.' }
    }

    def "Skyvern's real 06-06 -> 07-14: the Agents tag renamed Runs on nine operations is one finding"() {
        when:
        def findings = SpecDiffRun.of(new File(HISTORY, 'skyvern_openapi.2026-06-06.c4b9c79de.json').path,
                new File(HISTORY, 'skyvern_openapi.2026-07-14.373778ecc.json').path, '--format', 'json').json().findings
        def renamed = findings.findAll { it.kind == 'CHANGED' && it.before == 'Agents' }

        then:
        renamed.size() == 1
        renamed[0].after == 'Runs'
        renamed[0].operation.split(', ').size() == 9
        renamed[0].operation.contains('POST /v1/agents/runs/{workflow_run_id}/retry')
    }

    static final String RETRY_SCHEMA = '/paths/~1executions~1retry/post/responses/200/content/application~1json/schema'

    /** Kaizen's document with the retry answer's schema written inline where the component was referenced. */
    private static Map inlined(Map document) {
        def yaml = new Yaml()
        def copy = yaml.load(yaml.dump(document))
        def schema = copy.paths['/executions/retry'].post.responses['200'].content['application/json']
        schema.schema = copy.components.schemas.remove('RetryExecutionResponse')
        copy
    }

    def "an inline schema moved to a component under \$ref is one finding, and nothing per property"() {
        given: 'the old document has the retry answer inline, the new one the same schema as a component'
        def yaml = new Yaml()
        def now = yaml.load(new File("$SpecDiffRun.FIXTURES/kaizen/old.yaml").text)
        def (File before, File after) = SpecDiffRun.written(temp, inlined(now), now)

        when:
        def run = SpecDiffRun.of(before.path, after.path, '--format', 'json')
        def findings = run.json().findings

        then: 'one SCHEMA_MOVED naming the inline place and the component'
        run.exitCode == 0
        findings.collect { [it.severity, it.kind, it.operation, it.pointer, it.before, it.after] } == [
                ['INFO', 'SCHEMA_MOVED', 'POST /executions/retry', RETRY_SCHEMA, RETRY_SCHEMA,
                 '/components/schemas/RetryExecutionResponse']]
        findings[0].impact.endsWith('nothing changed once $ref is resolved.')

        when: 'the other way round: the component inlined again'
        def back = SpecDiffRun.of(after.path, before.path, '--format', 'json').json().findings

        then:
        back.collect { [it.kind, it.pointer, it.before, it.after] } ==
                [['SCHEMA_MOVED', RETRY_SCHEMA, '/components/schemas/RetryExecutionResponse', RETRY_SCHEMA]]
    }

    def "a schema moved under \$ref that also changes still reports the change"() {
        given: 'the new component has a field the inline schema did not'
        def yaml = new Yaml()
        def now = yaml.load(new File("$SpecDiffRun.FIXTURES/kaizen/old.yaml").text)
        def old = inlined(now)
        now.components.schemas.RetryExecutionResponse.properties.note = [type: 'string']
        def (File before, File after) = SpecDiffRun.written(temp, old, now)

        when:
        def run = SpecDiffRun.of(before.path, after.path, '--format', 'json')
        def findings = run.json().findings

        then: 'no move claimed; the new component and the schema replaced by its $ref are reported'
        run.exitCode == 0
        findings.every { it.kind != 'SCHEMA_MOVED' }
        findings.any { it.kind == 'ADDED' && it.pointer == '/components/schemas/RetryExecutionResponse' }
        findings.any { it.kind == 'ADDED' && it.pointer == "$RETRY_SCHEMA/\$ref" }
        findings.any { it.kind == 'REMOVED' && it.pointer == "$RETRY_SCHEMA/properties" }
    }
}
