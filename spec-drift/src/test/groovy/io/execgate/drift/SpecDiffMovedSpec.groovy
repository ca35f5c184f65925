package io.execgate.drift

import org.yaml.snakeyaml.Yaml
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * An operation the adapter calls that left its path (issue 18, item 3): still BREAKING, since the
 * adapter calls the old path, with where it may have gone.
 */
class SpecDiffMovedSpec extends Specification {
    static final File HISTORY = SpecDiffRun.HISTORY

    @TempDir Path temp

    def "Skyvern's real 06-06 -> 05-29: the retry is back at its old path, and the finding says where"() {
        when: 'no --vendor: it is inferred'
        def run = SpecDiffRun.of(new File(HISTORY, 'skyvern_openapi.2026-06-06.c4b9c79de.json').path,
                new File(HISTORY, 'skyvern_openapi.2026-05-29.318994774.json').path)

        then:
        run.exitCode == 1
        run.out.contains('BREAKING OPERATION_REMOVED  POST /v1/agents/runs/{workflow_run_id}/retry')
        run.out.contains('Moved to POST /v1/workflows/runs/{workflow_run_id}/retry? (same operationId)')
    }

    def "Kaizen's get moved to #path, #edit: #hint"() {
        given:
        def yaml = new Yaml()
        def old = yaml.load(new File("$SpecDiffRun.FIXTURES/kaizen/old.yaml").text)
        def now = yaml.load(yaml.dump(old))
        def operation = now.paths.remove('/executions/get')
        operation.post.operationId = operationId
        operation.post.summary = summary
        now.paths[path] = operation
        def (File before, File after) = SpecDiffRun.written(temp, old, now)

        when:
        def run = SpecDiffRun.of(before.path, after.path, '--format', 'json')
        def removed = run.json().findings.findAll { it.kind == 'OPERATION_REMOVED' }

        then:
        run.exitCode == 1
        removed*.severity == ['BREAKING']
        removed[0].impact == 'KaizenAdapter.READ calls it: every such call to kaizen would fail.' + hint

        where:
        path                  | operationId      | summary         | edit                           || hint
        '/v2/executions/get'  | 'getExecution'   | 'Get execution' | 'operationId kept'             || ' Moved to POST /v2/executions/get? (same operationId)'
        '/v2/executions/get'  | 'fetchExecution' | 'Fetched'       | 'operationId changed'          || ' Moved to POST /v2/executions/get? (same parameters and last path segment)'
        '/v2/executions/find' | 'fetchExecution' | 'Get execution' | 'renamed, summary kept'        || ' Moved to POST /v2/executions/find? (same summary)'
        '/v2/executions/find' | 'fetchExecution' | 'Find one'      | 'renamed, nothing kept'        || ''
    }
}
