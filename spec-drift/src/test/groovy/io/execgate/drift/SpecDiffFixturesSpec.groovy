package io.execgate.drift

import groovy.yaml.YamlSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Every kind of finding on a fixture pair, in an OpenAPI 3.0 document (Kaizen's) and a 3.1 one
 * (Kinetic's, Skyvern's, AlgaPSA's): {@code drift/<vendor>/old.yaml} is a frozen copy of the
 * checked-in spec and each {@code <change>.yaml} is it with one edit (spec-drift/make_fixtures.py).
 * Generic differences (ADDED/REMOVED/CHANGED) are left out here; the golden reports show them.
 */
class SpecDiffFixturesSpec extends Specification {
    static final List<String> GENERIC = ['ADDED', 'REMOVED', 'CHANGED']

    @TempDir Path temp

    def "#vendor (OpenAPI #version), #change: #expected, exit #exit"() {
        when:
        def run = SpecDiffRun.fixture(vendor, change, '--format', 'json')
        def report = run.json()

        then:
        run.err == ''
        report.findings.findAll { !(it.kind in GENERIC) }.collect { "$it.severity $it.kind $it.field" as String } == expected
        run.exitCode == exit
        report.exitCode == exit

        where:
        vendor    | change                  | exit | expected
        // 3.1
        'kinetic' | 'status-cancelled'      | 1    | ['DRIFT STATUS_VALUE_UNMAPPED 201 body: status']
        'kinetic' | 'status-paused-removed' | 1    | ['DRIFT MAPPED_VALUE_REMOVED 201 body: status']
        'kinetic' | 'success-200'           | 1    | ['BREAKING SUCCESS_CODE_CHANGED responses']
        'kinetic' | 'error-409'             | 1    | ['DRIFT ERROR_CODE_UNTRANSLATED responses', 'INFO ERROR_CODE_TRANSLATED responses']
        'kinetic' | 'created-at-epoch'      | 1    | ['BREAKING READ_FIELD_TYPE_CHANGED 201 body: created_at']
        'skyvern' | 'run-id-dropped'        | 1    | ['BREAKING READ_FIELD_REMOVED 200 body: run_id']
        'skyvern' | 'required-header'       | 1    | ['BREAKING REQUIRED_PARAMETER_ADDED header x-skyvern-org']
        'skyvern' | 'retry-removed'         | 1    | ['BREAKING OPERATION_REMOVED null']
        'algapsa' | 'auth-header'           | 1    | ['BREAKING AUTH_CHANGED security']
        'algapsa' | 'required-body'         | 1    | ['BREAKING REQUIRED_BODY_FIELD_ADDED request body', 'BREAKING REQUIRED_BODY_FIELD_ADDED request body: reason']
        'algapsa' | 'info-only'             | 0    | []
        // 3.0
        'kaizen'  | 'status-cancelled'      | 1    | ['DRIFT STATUS_VALUE_UNMAPPED 200 body: execution.status']
        'kaizen'  | 'status-paused-removed' | 1    | ['DRIFT MAPPED_VALUE_REMOVED 200 body: execution.status']
        'kaizen'  | 'success-201'           | 1    | ['BREAKING SUCCESS_CODE_CHANGED responses']
        'kaizen'  | 'error-409'             | 1    | ['DRIFT ERROR_CODE_UNTRANSLATED responses']
        'kaizen'  | 'start-time-epoch'      | 1    | ['BREAKING READ_FIELD_TYPE_CHANGED 200 body: execution.startTime']
        'kaizen'  | 'nesting-data'          | 1    | ['BREAKING READ_FIELD_REMOVED 200 body: execution']
        'kaizen'  | 'nesting-nested-only'   | 0    | []
        'kaizen'  | 'required-query'        | 1    | ['BREAKING REQUIRED_PARAMETER_ADDED query workspaceId']
        'kaizen'  | 'required-body-field'   | 1    | ['BREAKING REQUIRED_BODY_FIELD_ADDED request body: startBlockId']
        'kaizen'  | 'get-removed'           | 1    | ['BREAKING OPERATION_REMOVED null']
        'kaizen'  | 'auth-api-key'          | 1    | ['BREAKING AUTH_CHANGED security']
        'kaizen'  | 'info-only'             | 0    | []

        version = new YamlSlurper().parse(new File("$SpecDiffRun.FIXTURES/$vendor/${change}.yaml")).openapi
    }

    def "Kinetic adding 'cancelled' to its status names the missing status-table row"() {
        when:
        def run = SpecDiffRun.fixture('kinetic', 'status-cancelled')

        then:
        run.exitCode == 1
        run.out.contains("The status table has no kinetic row for 'cancelled': an execution in it would be answered status UNKNOWN")
        run.out.contains('Add @ValueMapping(source = "cancelled", target = ...) to KineticMapper.column.')
        run.out.contains('at      /components/schemas/ExecutionResponse/properties/status/anyOf/0/enum')
    }

    def "a status value the table already maps is worth knowing, not failing: Skyvern's real 2026-07-20 'paused'"() {
        given: 'two real published Skyvern documents, a week apart'
        def history = SpecDiffRun.HISTORY
        def before = new File(history, 'skyvern_openapi.2026-07-14.373778ecc.json')
        def after = new File(history, 'skyvern_openapi.2026-07-20.a77cdac72.json')

        when:
        def run = SpecDiffRun.of(before.path, after.path, '--vendor', 'skyvern', '--format', 'json')

        then:
        run.exitCode == 0
        run.json().findings.collect { "$it.severity $it.kind $it.after" as String } == ['INFO STATUS_VALUE_MAPPED paused']
        run.json().findings[0].impact == "The status table already maps 'paused' to PAUSED."
    }

    def "a new value of another enum the adapter reads is drift, named as such"() {
        given: "Kinetic's workflow_name as if it were an enum, gaining a value"
        def yaml = new org.yaml.snakeyaml.Yaml()
        def old = yaml.load(new File("$SpecDiffRun.FIXTURES/kinetic/old.yaml").text)
        old.components.schemas.ExecutionResponse.properties.workflow_name.anyOf[0].enum = ['nightly', 'hourly']
        def now = yaml.load(yaml.dump(old))
        now.components.schemas.ExecutionResponse.properties.workflow_name.anyOf[0].enum << 'weekly'
        def (File before, File after) = SpecDiffRun.written(temp, old, now)

        when:
        def run = SpecDiffRun.of(before.path, after.path, '--format', 'json')

        then:
        run.exitCode == 1
        run.json().findings.collect { "$it.severity $it.kind $it.field $it.after" as String } ==
                ['DRIFT ENUM_VALUE_ADDED 201 body: workflow_name weekly']
        run.json().findings[0].impact == "KineticMapper reads this field and has not seen 'weekly' before."
    }

    def "an operation the adapter calls that the old document lacked: Skyvern's real 2026-06-06 retry"() {
        given:
        def history = SpecDiffRun.HISTORY

        when:
        def run = SpecDiffRun.of(new File(history, 'skyvern_openapi.2026-05-29.318994774.json').path,
                new File(history, 'skyvern_openapi.2026-06-06.c4b9c79de.json').path, '--vendor', 'skyvern', '--format', 'json')

        then: 'nothing to compare for it, and nothing the adapter relies on changed'
        run.exitCode == 0
        run.json().findings.findAll { !(it.kind in GENERIC) }.collect { [it.severity, it.kind, it.operation] } ==
                [['INFO', 'OPERATION_DOCUMENTED', 'POST /v1/agents/runs/{workflow_run_id}/retry']]
    }

    def "a change the adapter tolerates is not breaking: Kaizen answering only the nested shape"() {
        when:
        def run = SpecDiffRun.fixture('kaizen', 'nesting-nested-only', '--format', 'json')

        then: 'the adapter reads both shapes, so dropping the flat one is information'
        run.exitCode == 0
        run.json().summary == [breaking: 0, drift: 0, info: 3]
    }

    def "removing an operation the adapter does not call is information"() {
        when:
        def run = SpecDiffRun.of("$SpecDiffRun.FIXTURES/kaizen/info-only.yaml", "$SpecDiffRun.FIXTURES/kaizen/old.yaml",
                '--vendor', 'kaizen', '--format', 'json')

        then:
        run.exitCode == 0
        run.json().findings.find { it.pointer == '/paths/~1executions~1list' }.subMap('severity', 'kind') ==
                [severity: 'INFO', kind: 'REMOVED']
    }

    def "--fail-on #failOn on a drift-only change exits #exit"() {
        expect:
        SpecDiffRun.fixture('kinetic', 'status-cancelled', *options).exitCode == exit

        where:
        failOn     | options                    | exit
        'default'  | []                         | 1
        'drift'    | ['--fail-on', 'drift']     | 1
        'breaking' | ['--fail-on', 'breaking']  | 0
        'none'     | ['--fail-on=none']         | 0
    }

    def "--fail-on #failOn on a breaking change exits #exit"() {
        expect:
        SpecDiffRun.fixture('skyvern', 'run-id-dropped', *options).exitCode == exit

        where:
        failOn     | options                   | exit
        'breaking' | ['--fail-on', 'breaking'] | 1
        'none'     | ['--fail-on', 'none']     | 0
    }
}
