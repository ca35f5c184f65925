package io.execgate.drift

import io.execgate.api.model.ExecutionStatus
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Path

/**
 * What spec-diff learns from the compiled adapters, so that the report follows the code: the
 * operations each adapter calls, the fields it reads (MapStruct's generated mappers, hand-written
 * defaults and plain-JSON reads alike) and its status column.
 */
class AdapterDependenciesSpec extends Specification {
    static final Path ROOT = Path.of(System.getProperty('execgate.root', '..'))

    @Shared Map<String, VendorDependencies> vendors = AdapterScan.vendors()

    def "every vendor package with an adapter is found"() {
        given: "the adapter module's packages below io.execgate.adapter, but for the shared http and problem"
        Path packages = ROOT.resolve('adapter/src/main/java/io/execgate/adapter')
        List<String> vendorPackages = packages.toFile().listFiles().findAll { it.directory }*.name
                .findAll { !(it in ['http', 'problem']) }.sort()

        expect:
        vendorPackages.size() >= 4
        vendors.keySet() as List == vendorPackages
    }

    def "#vendor's adapter calls #operations"() {
        expect:
        vendors[vendor].endpoints()*.operation() == operations

        where:
        vendor    | operations
        'algapsa' | ['POST /api/v1/automation/executions/{id}/retry', 'GET /api/v1/automation/executions/{id}']
        'kaizen'  | ['POST /executions/retry', 'POST /executions/get']
        'kinetic' | ['POST /api/executions/{execution_uuid}/retry']
        'skyvern' | ['POST /v1/agents/runs/{workflow_run_id}/retry', 'GET /v1/runs/{run_id}']
    }

    def "#vendor's reads are found in the compiled code: #reads"() {
        expect:
        vendors[vendor].reads().collect { "${it.schema()}.${it.property()}" as String }.toSet() == reads as Set

        where:
        vendor    | reads
        'kinetic' | ['ExecutionResponse.execution_uuid', 'ExecutionResponse.status', 'ExecutionResponse.created_at',
                     'ExecutionResponse.workflow_uuid', 'ExecutionResponse.workflow_name', 'ExecutionResponse.video_url',
                     'ExecutionResponse.output_url', 'ExecutionResponse.logs_url']
        'algapsa' | ['AutomationExecutionResponse.data', 'AutomationExecution.automation_rule_id', 'AutomationExecution.execution_id',
                     'AutomationExecution.status', 'AutomationExecution.started_at', 'AutomationExecution.completed_at',
                     'AutomationExecution.error_message']
        'skyvern' | ['WorkflowRunResponse.run_id', 'WorkflowRunResponse.status', 'WorkflowRunResponse.created_at',
                     'WorkflowRunResponse.started_at', 'WorkflowRunResponse.finished_at', 'WorkflowRunResponse.failure_reason',
                     'WorkflowRunResponse.app_url', 'WorkflowRunResponse.recording_url', 'WorkflowRunResponse.run_request',
                     'WorkflowRunResponse.run_request.workflow_id', 'WorkflowRunResponse.run_request.title',
                     'WorkflowRunResponse.downloaded_files', 'WorkflowRunResponse.screenshot_urls',
                     'FileInfo.url', 'FileInfo.filename', 'FileInfo.file_size']
        'kaizen'  | ['RetryExecutionResponse.success', 'RetryExecutionResponse.execution', 'GetExecutionResponse.execution',
                     'Execution.id', 'Execution.status', 'Execution.startTime', 'Execution.workflow', 'Execution.liveViewUrl',
                     'Execution.downloads', 'Downloads.files', 'NamedRef.id', 'NamedRef.name',
                     'DownloadFile.downloadUrl', 'DownloadFile.name', 'DownloadFile.sizeBytes']
    }

    def "a read says which class reads it"() {
        expect: 'MapStruct-generated reads, hand-written mapper defaults and adapter reads are told apart'
        def readers = vendors.skyvern.reads().collectEntries { [(it.schema() + '.' + it.property()): it.readBy()] }
        readers['WorkflowRunResponse.run_id'] == 'SkyvernMapperImpl'
        readers['WorkflowRunResponse.run_request.workflow_id'] == 'SkyvernMapper'
        vendors.kaizen.reads().find { it.property() == 'success' }.readBy() == 'KaizenAdapter'
    }

    def "#vendor's status column is its mapper's"() {
        expect:
        vendors[vendor].columnOwner() == owner
        vendors[vendor].statusColumn().canonical(value) == status

        where:
        vendor    | owner           | value        | status
        'kinetic' | 'KineticMapper' | 'completed'  | ExecutionStatus.COMPLETED
        'kinetic' | 'KineticMapper' | 'cancelled'  | ExecutionStatus.UNKNOWN
        'kaizen'  | 'KaizenMapper'  | 'InProgress' | ExecutionStatus.RUNNING
        'skyvern' | 'SkyvernMapper' | 'timed_out'  | ExecutionStatus.TIMED_OUT
        'algapsa' | 'AlgapsaMapper' | 'failed'     | ExecutionStatus.FAILED
    }

    def "every read of #vendor's adapter is found in its checked-in spec, in every operation that answers it"() {
        given:
        def document = SpecDocument.read(ROOT.resolve("specs/vendors/${vendor}.yaml").toString())
        def dependencies = vendors[vendor]

        when:
        Set<AdapterRead> located = []
        dependencies.endpoints().each { endpoint ->
            def operation = document.operation(endpoint.endpoint()).orElseThrow()
            operation.operation().responses.findAll { it.key.startsWith('2') }.each { code, response ->
                def body = document.jsonBody(document.response(response), operation.pointer() + '/responses/' + code)
                located.addAll(ReadLocator.locate(body, dependencies.reads())*.read())
            }
        }

        then: 'a read the walk cannot place would never be checked'
        dependencies.reads().findAll { !located.contains(it) } == []

        where:
        vendor << ['algapsa', 'kaizen', 'kinetic', 'skyvern']
    }

    def "#vendor's checked-in spec against itself has nothing to report"() {
        when:
        def spec = ROOT.resolve("specs/vendors/${vendor}.yaml").toString()
        def run = SpecDiffRun.of(spec, spec, '--vendor', vendor)

        then:
        run.exitCode == 0
        run.out.contains('0 breaking, 0 drift, 0 info')

        where:
        vendor << ['algapsa', 'kaizen', 'kinetic', 'skyvern']
    }
}
