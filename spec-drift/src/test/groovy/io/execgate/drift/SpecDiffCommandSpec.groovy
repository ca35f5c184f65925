package io.execgate.drift

import com.networknt.schema.InputFormat
import com.networknt.schema.SchemaRegistry
import com.networknt.schema.SpecificationVersion
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** The command line: usage errors and unreadable documents exit 2 with one clear line; JSON follows its schema. */
class SpecDiffCommandSpec extends Specification {
    static final String OLD = "$SpecDiffRun.FIXTURES/kinetic/old.yaml"
    static final String NEW = "$SpecDiffRun.FIXTURES/kinetic/status-cancelled.yaml"
    /** The vendors spec-diff knows: every adapter found, in name order. */
    static final String KNOWN = AdapterScan.vendors().keySet().sort().join(', ')

    @TempDir Path temp

    def "#problem: exit 2 and '#message'"() {
        when:
        def run = SpecDiffRun.of(*args.collect { it.replace('TEMP', temp.toString()) })

        then:
        run.exitCode == 2
        run.out == ''
        run.err.readLines()[0] == 'spec-diff: ' + message.replace('TEMP', temp.toString())

        where:
        problem             | args                                        | message
        'one document'      | [OLD]                                       | 'expected two documents, <old-spec> <new-spec>; got 1'
        'no such file'      | [OLD, 'TEMP/missing.yaml']                  | 'TEMP/missing.yaml: no such file'
        'unknown option'    | [OLD, NEW, '--colour']                      | 'unknown option --colour'
        'option needs value'| [OLD, NEW, '--vendor']                      | '--vendor needs a value'
        'bad format'        | [OLD, NEW, '--format', 'html']              | "--format takes text, markdown, json or sarif, not 'html'"
        'bad fail-on'       | [OLD, NEW, '--fail-on', 'info']             | '--fail-on takes breaking, drift or none'
        'unknown vendor'    | [OLD, NEW, '--vendor', 'acme']              | "unknown vendor 'acme' (known: $KNOWN)"
    }

    def "#what is unreadable: exit 2 naming the file"() {
        given:
        def file = temp.resolve('new.yaml')
        file.toFile().text = content

        when:
        def run = SpecDiffRun.of(OLD, file.toString())

        then:
        run.exitCode == 2
        run.err.startsWith("spec-diff: $file: $message")

        where:
        what                | content                                | message
        'broken YAML'       | 'openapi: 3.1.0\npaths: {a: [}\n'      | 'not YAML or JSON'
        'a Swagger 2 file'  | 'swagger: "2.0"\npaths: {}\n'          | "not an OpenAPI 3.0 or 3.1 document (no 'openapi: 3.x')"
        'an HTML page'      | '<html><body>moved</body></html>'      | "not an OpenAPI 3.0 or 3.1 document (no 'openapi: 3.x')"
        'empty'             | ''                                     | "not an OpenAPI 3.0 or 3.1 document (no 'openapi: 3.x')"
    }

    def "without --vendor the vendor is the one whose every operation the old document has"() {
        expect:
        SpecDiffRun.of(OLD, NEW, '--format', 'json').json().vendor == 'kinetic'
    }

    def "a document no adapter matches needs --vendor"() {
        given:
        def other = temp.resolve('other.yaml')
        other.toFile().text = 'openapi: 3.1.0\ninfo: {title: other, version: "1"}\npaths: {}\n'

        when:
        def run = SpecDiffRun.of(other.toString(), other.toString())

        then:
        run.exitCode == 2
        run.err.startsWith("spec-diff: cannot tell which vendor $other belongs to; pass --vendor ($KNOWN)")
    }

    def "--vendor with a document that lacks the adapter's operation says so as a breaking finding"() {
        given:
        def other = temp.resolve('other.yaml')
        other.toFile().text = 'openapi: 3.1.0\ninfo: {title: other, version: "1"}\npaths: {}\n'

        when:
        def run = SpecDiffRun.of(other.toString(), other.toString(), '--vendor', 'kinetic', '--format', 'json')

        then:
        run.exitCode == 1
        run.json().findings.collect { [it.severity, it.kind, it.operation] } ==
                [['BREAKING', 'OPERATION_UNDOCUMENTED', 'POST /api/executions/{execution_uuid}/retry']]
    }

    def "--help prints the usage and exits 0"() {
        when:
        def run = SpecDiffRun.of('--help')

        then:
        run.exitCode == 0
        run.out.startsWith('usage: execgate spec-diff <old-spec> <new-spec>')
    }

    def "the JSON output of #vendor #change follows docs/spec-diff.schema.json"() {
        given:
        def root = new File(System.getProperty('execgate.root', '..'))
        def schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new File(root, 'docs/spec-diff.schema.json').text, InputFormat.JSON)

        when:
        def run = SpecDiffRun.fixture(vendor, change, '--format', 'json')

        then:
        schema.validate(run.out, InputFormat.JSON)*.toString() == []

        and: 'the schema is strict enough to notice a finding out of shape'
        !schema.validate(run.out.replaceFirst('"severity" : "[A-Z]+"', '"severity" : "FATAL"'), InputFormat.JSON).isEmpty()

        where:
        vendor    | change
        'kinetic' | 'error-409'
        'kaizen'  | 'info-only'
        'algapsa' | 'required-body'
    }
}
