package io.execgate.gateway

import groovy.json.JsonOutput
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.SameAnswer
import io.execgate.gateway.support.SandboxGateway
import org.yaml.snakeyaml.Yaml
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.time.Duration

/**
 * The examples in {@code specs/gateway.yaml} (what Swagger UI at {@code /docs/} shows) are real:
 * each response example names the request that produced it ({@code x-request}, and
 * {@code x-request-body} and {@code x-request-headers}), and sending that request to the gateway
 * over the vendor sandbox gives the same status and the same answer, member for member; only a fresh id or time may differ
 * ({@link SameAnswer}).
 * An example this spec does not know how to check fails it, so none can be added unchecked.
 */
class ApiExamplesSpec extends Specification {
    static final Map DOCUMENT = new Yaml().load(Files.readString(Gateway.ROOT.resolve('specs/gateway.yaml'))) as Map

    @Shared @AutoCleanup SandboxGateway gateway = new SandboxGateway(Duration.ofSeconds(5))

    def setup() {
        gateway.reset()
    }

    def "the #name example of #where is what the gateway answers to #request"() {
        when:
        def (method, target) = request.split(' ', 2)
        def answer = send(method, target, body, headers)

        then:
        answer.status == status
        SameAnswer.differences(example, answer.json) == []

        where:
        [name, where, request, body, status, example, headers] << responseExamples()
    }

    def "the #name request body example is accepted"() {
        expect:
        send('POST', "/v1/executions/skyvern/${gateway.failedId('skyvern')}/retry", body).status == 202

        where:
        [name, body] << mediaExamples(DOCUMENT.paths['/v1/executions/{vendor}/{executionId}/retry'].post.requestBody)
    }

    def "the Server-Timing example has the form of the real header"() {
        given:
        String example = DOCUMENT.components.headers.ServerTiming.schema.example
        String form = example.replaceAll(/\d+/, '0')

        when:
        String real = send('POST', "/v1/executions/kinetic/${gateway.failedId('kinetic')}/retry", null).header('Server-Timing')

        then:
        real.replaceAll(/\d+/, '0') == form
    }

    def "the Prefer example, sent with a read, is answered with the Preference-Applied example"() {
        given:
        String prefer = DOCUMENT.components.parameters.Prefer.schema.example

        when: 'a read of an execution that has ended: answered at once, the wait honoured'
        def answer = send('GET', "/v1/executions/skyvern/${gateway.failedId('skyvern')}", null, [Prefer: prefer])

        then:
        answer.status == 200
        answer.header('Preference-Applied') == DOCUMENT.components.headers.PreferenceApplied.schema.example
    }

    def "the vendor parameter example is a vendor the gateway lists"() {
        expect:
        DOCUMENT.components.parameters.Vendor.schema.example in send('GET', '/v1/vendors', null).json*.name
    }

    def "every example in the document is one of those checked above"() {
        given:
        Set<String> checked = responseExamples().collect { "${it[1]}/examples/${it[0]}".toString() } as Set
        checked += mediaExamples(DOCUMENT.paths['/v1/executions/{vendor}/{executionId}/retry'].post.requestBody)
                .collect { "paths/~1v1~1executions~1{vendor}~1{executionId}~1retry/post/requestBody/content/application~1json/examples/${it[0]}".toString() }
        checked += ['components/headers/ServerTiming/schema/example', 'components/parameters/Vendor/schema/example',
                    'components/parameters/Prefer/schema/example', 'components/headers/PreferenceApplied/schema/example']

        expect:
        examplesIn(DOCUMENT, '') - checked == [] as Set
    }

    // ---

    private def send(String method, String target, Object body, Map<String, String> extra = null) {
        Map<String, String> headers = [Authorization: "Bearer $SandboxGateway.CLIENT_KEY".toString()] + (extra ?: [:])
        if (body != null) {
            headers['Content-Type'] = 'application/json'
        }
        gateway.http.send(method, target, headers, body == null ? null : JsonOutput.toJson(body))
    }

    /** [name, where, request, body, status, value, request headers] of every response example, with its status code. */
    private static List<List> responseExamples() {
        List<List> found = []
        DOCUMENT.paths.each { String path, Map operations ->
            operations.each { String method, Map operation ->
                operation.responses.each { code, Map response ->
                    String where = "paths/${escape(path)}/$method/responses/$code"
                    if (response.'$ref') {
                        String component = response.'$ref'.tokenize('/').last()
                        response = DOCUMENT.components.responses[component]
                        where = "components/responses/$component"
                    }
                    (response.content ?: [:]).each { String media, Map content ->
                        (content.examples ?: [:]).each { String name, Map example ->
                            found << [name, "$where/content/${escape(media)}".toString(), example.'x-request',
                                      example.'x-request-body', code as int, example.value, example.'x-request-headers']
                        }
                    }
                }
            }
        }
        found.unique { it[0] + it[1] }
    }

    private static List<List> mediaExamples(Map body) {
        body.content.'application/json'.examples.collect { name, example -> [name, example.value] }
    }

    private static Set<String> examplesIn(Object node, String pointer) {
        Set<String> found = []
        if (node instanceof Map) {
            node.each { key, value ->
                String at = pointer ? "$pointer/${escape(key as String)}" : escape(key as String)
                if (key == 'example') {
                    found << at
                } else if (key == 'examples' && value instanceof Map) {
                    value.keySet().each { found << "$at/$it".toString() }
                } else {
                    found += examplesIn(value, at)
                }
            }
        } else if (node instanceof List) {
            node.eachWithIndex { item, i -> found += examplesIn(item, "$pointer/$i") }
        }
        found
    }

    private static String escape(String key) { key.replace('~', '~0').replace('/', '~1') }
}
