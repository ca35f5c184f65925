package io.execgate.drift

import com.networknt.schema.InputFormat
import com.networknt.schema.SchemaRegistry
import com.networknt.schema.SpecificationVersion
import groovy.json.JsonSlurper
import spock.lang.Shared
import spock.lang.Specification

/**
 * {@code --format sarif} (issue 18, item 5): SARIF 2.1.0, valid against OASIS's schema, one result
 * per BREAKING or DRIFT finding at its line and column in the new document.
 */
class SpecDiffSarifSpec extends Specification {
    static final File HISTORY = SpecDiffRun.HISTORY

    @Shared def schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(new File('src/test/resources/sarif/sarif-schema-2.1.0.json').text, InputFormat.JSON)

    def "#vendor #change as SARIF: valid, #results"() {
        when:
        def run = SpecDiffRun.fixture(vendor, change, '--format', 'sarif')
        def sarif = new JsonSlurper().parseText(run.out)
        def json = SpecDiffRun.fixture(vendor, change, '--format', 'json').json()

        then: 'the same exit code as any format'
        run.exitCode == json.exitCode
        schema.validate(run.out, InputFormat.JSON)*.toString() == []
        sarif.version == '2.1.0'
        sarif.runs[0].results.collect { "$it.level $it.ruleId" as String } == results

        and: "each result's rule is the rule at its index, and its region is at the pointer's last key (or, for something removed, the nearest key the new file still has)"
        sarif.runs[0].results.every { sarif.runs[0].tool.driver.rules[it.ruleIndex].id == it.ruleId }
        sarif.runs[0].results.every { result ->
            def region = result.locations[0].physicalLocation.region
            def line = new File("$SpecDiffRun.FIXTURES/$vendor/${change}.yaml").readLines()[region.startLine - 1]
            def keys = result.properties.pointer.tokenize('/').collect { Pointer.unescape(it) }
            def at = line.substring(region.startColumn - 1)
            (result.ruleId == 'READ_FIELD_REMOVED' ? keys.init() : [keys.last()]).any { at.startsWith(it.isNumber() ? '- ' : it + ':') }
        }

        and: 'the validator notices a result out of shape'
        !schema.validate(run.out.replaceFirst('"level" : "[a-z]+"', '"level" : "fatal"'), InputFormat.JSON).isEmpty() || results.isEmpty()

        where:
        vendor    | change             || results
        'kinetic' | 'status-cancelled' || ['warning STATUS_VALUE_UNMAPPED']
        'kaizen'  | 'nesting-data'     || ['error READ_FIELD_REMOVED']
        'algapsa' | 'auth-header'      || ['error AUTH_CHANGED']
        'kaizen'  | 'info-only'        || []
    }

    def "Skyvern's real 06-06 -> 05-29: the removed retry is an error in the new document, at the nearest place it has"() {
        when:
        def after = new File(HISTORY, 'skyvern_openapi.2026-05-29.318994774.json').path
        def run = SpecDiffRun.of(new File(HISTORY, 'skyvern_openapi.2026-06-06.c4b9c79de.json').path, after, '--format', 'sarif')
        def results = new JsonSlurper().parseText(run.out).runs[0].results

        then:
        run.exitCode == 1
        schema.validate(run.out, InputFormat.JSON)*.toString() == []
        results*.ruleId == ['OPERATION_REMOVED']
        results[0].level == 'error'
        results[0].message.text.contains('Moved to POST /v1/workflows/runs/{workflow_run_id}/retry?')
        results[0].locations[0].physicalLocation.artifactLocation.uri == after
        new File(after).readLines()[results[0].locations[0].physicalLocation.region.startLine - 1].trim().startsWith('"paths"')
    }
}
