package io.execgate.gateway

import io.execgate.api.model.ArtifactKind
import io.execgate.api.model.ExecutionStatus
import io.execgate.api.model.Outcome
import io.execgate.api.model.WebhookEventType
import io.execgate.api.model.ProblemCode
import io.execgate.gateway.support.Gateway
import org.yaml.snakeyaml.Yaml
import spock.lang.Specification

import java.nio.file.Files

/**
 * The contract promises clients only that {@code ProblemCode}, {@code ExecutionStatus} and
 * {@code Artifact.kind} may grow ({@code x-extensible-enum}, Zalando #112), while {@code Outcome}
 * stays a closed {@code enum}. The server is generated from its own copy of the contract
 * (generated/pom.xml, target/openapi/gateway.yaml) in which those lists are enums again, so its
 * Java enums hold exactly the values its version knows: this spec pins both halves.
 */
class ExtensibleEnumsSpec extends Specification {
    static final Map CONTRACT = load('specs/gateway.yaml')
    static final Map SERVER_COPY = load('generated/target/openapi/gateway.yaml')

    def "#schema is extensible in the contract, says how to treat an unknown value, and the server's enum has exactly its values"() {
        given:
        Map contract = at(CONTRACT, path)
        Map server = at(SERVER_COPY, path)

        expect:
        contract.type == 'string'
        !contract.containsKey('enum')
        contract.description.contains('treat')
        contract['x-extensible-enum'] == server.enum
        !server.containsKey('x-extensible-enum')
        javaEnum.values()*.value == contract['x-extensible-enum']

        where:
        schema            | path                                                      || javaEnum
        'ProblemCode'     | ['components', 'schemas', 'ProblemCode']                  || ProblemCode
        'ExecutionStatus' | ['components', 'schemas', 'ExecutionStatus']              || ExecutionStatus
        'Artifact.kind'   | ['components', 'schemas', 'Artifact', 'properties', 'kind'] || ArtifactKind
        'WebhookEvent.type' | ['components', 'schemas', 'WebhookEvent', 'properties', 'type'] || WebhookEventType
    }

    def "Outcome is a closed enum in the contract and on the server"() {
        given:
        Map outcome = at(CONTRACT, ['components', 'schemas', 'Outcome'])

        expect:
        outcome.enum == ['NOT_SENT', 'REJECTED', 'UNKNOWN']
        !outcome.containsKey('x-extensible-enum')
        Outcome.values()*.value == outcome.enum
    }

    def "the server's copy is the contract with x-extensible-enum renamed to enum, nothing else"() {
        expect:
        renamed(CONTRACT) == SERVER_COPY
    }

    private static Object renamed(Object node) {
        if (node instanceof Map) {
            return node.collectEntries { k, v -> [(k == 'x-extensible-enum' ? 'enum' : k): renamed(v)] }
        }
        node instanceof List ? node.collect { renamed(it) } : node
    }

    private static Map at(Map document, List<String> path) {
        path.inject(document) { Map node, String key -> node[key] as Map } as Map
    }

    private static Map load(String file) {
        new Yaml().load(Files.readString(Gateway.ROOT.resolve(file))) as Map
    }
}
