package io.execgate.drift

import org.yaml.snakeyaml.Yaml
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Without --vendor (issue 18, item 4): the vendor is inferred from the operations of either
 * document, so an operation new or gone in the change does not hide it; when it cannot be told,
 * the error says why.
 */
class SpecDiffVendorSpec extends Specification {
    static final File HISTORY = SpecDiffRun.HISTORY
    static final String MAY = new File(HISTORY, 'skyvern_openapi.2026-05-29.318994774.json').path
    static final String JUNE = new File(HISTORY, 'skyvern_openapi.2026-06-06.c4b9c79de.json').path

    @TempDir Path temp

    def "Skyvern's real #pair: the retry is in one document only, and the vendor is still found"() {
        when:
        def run = SpecDiffRun.of(before, after, '--format', 'json')

        then:
        run.err == ''
        run.json().vendor == 'skyvern'
        run.exitCode == exit

        where:
        pair                 | before | after | exit
        '05-29 -> 06-06'     | MAY    | JUNE  | 0
        '06-06 -> 05-29'     | JUNE   | MAY   | 1
    }

    def "a vendor whose operations are only in the new document is found"() {
        given:
        def empty = temp.resolve('empty.yaml')
        empty.toFile().text = 'openapi: 3.1.0\ninfo: {title: other, version: "1"}\npaths: {}\n'

        expect:
        SpecDiffRun.of(empty.toString(), "$SpecDiffRun.FIXTURES/kaizen/old.yaml", '--format', 'json').json().vendor == 'kaizen'
    }

    def "when no adapter's operations are all there, the error names what each partly found lacks"() {
        given: "Kaizen's document without its retry"
        def yaml = new Yaml()
        def document = yaml.load(new File("$SpecDiffRun.FIXTURES/kaizen/old.yaml").text)
        document.paths.remove('/executions/retry')
        def file = temp.resolve('partial.yaml').toFile()
        file.text = yaml.dump(document)

        when:
        def run = SpecDiffRun.of(file.path, file.path)

        then:
        run.exitCode == 2
        run.out == ''
        run.err.contains(': no adapter has every operation it calls in either document (')
        run.err.contains('kaizen calls 2, neither document has POST /executions/retry')
    }
}
