package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.swagger.v3.parser.OpenAPIV3Parser
import io.swagger.v3.parser.core.models.ParseOptions
import spock.lang.Specification

/**
 * Every spec parses as OpenAPI with all references resolved, and the parser has nothing to say
 * beyond what the vendor's own published document already does (kept verbatim; the vendor's fixtures list it).
 * .ci/run lints the same files with Spectral as well (specs/.spectral.yaml): gateway.yaml with
 * spectral:oas and the project's rules, failing on a warning; the vendor extracts with relaxed rules.
 */
class SpecLintSpec extends Specification {

    def "#file parses cleanly"() {
        given:
        def options = new ParseOptions(resolve: true, resolveFully: true)

        when:
        def result = new OpenAPIV3Parser().readLocation(
                new File(System.getProperty('execgate.root'), "specs/$file").toURI().toString(), null, options)

        then:
        result.openAPI != null
        (result.messages ?: []) - knownMessages(file) == []

        where:
        file << ['gateway.yaml'] + Gateway.VENDORS.collect { "vendors/${it}.yaml".toString() }
    }

    /**
     * What the parser says about a deviation of the vendor's published document, which the extract keeps
     * unchanged: {@code src/test/resources/vendors/<vendor>/parser-messages.txt}, one message a line.
     */
    private static List<String> knownMessages(String file) {
        String vendor = (file =~ /^vendors\/([^\/.]+)\.yaml$/).with { it.matches() ? it.group(1) : null }
        vendor == null ? [] : (Gateway.getResource("/vendors/$vendor/parser-messages.txt")?.readLines() ?: [])
    }
}
