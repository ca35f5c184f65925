package io.execgate.gateway.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.execgate.sandbox.Sandbox
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * The gateway pointed at the vendor sandbox (every vendor a real simulator on 127.0.0.1), as
 * {@code ./execgate demo} runs it but with a client key. Every answer is checked against
 * specs/gateway.yaml; the simulators' own specs are held by the sandbox module's tests.
 */
class SandboxGateway implements Closeable {
    static final String CLIENT_KEY = 'client-sbx-Secret-0007'

    final Sandbox sandbox
    final EmbeddedServer server
    final RawHttp http
    private final HttpClient admin = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    SandboxGateway(Duration step, Map<String, Object> extra = [:]) {
        sandbox = Sandbox.start(Sandbox.Options.embedded(step))
        Map<String, Object> props = sandbox.gatewayProperties() + [
                'micronaut.server.port'      : -1,
                'execgate.clients.ci.api-key': CLIENT_KEY]
        sandbox.simulators().each { props["execgate.vendors.${it.vendor()}.read-timeout".toString()] = '1s' }
        TestTraffic.secrets(sandbox.simulators()*.apiKey() + [CLIENT_KEY])
        server = ApplicationContext.run(EmbeddedServer, props + extra)
        http = new RawHttp(server.port)
    }

    RawHttp.Answer retry(String vendor, String id) {
        checked('POST', "/v1/executions/$vendor/$id/retry")
    }

    RawHttp.Answer get(String vendor, String id) {
        checked('GET', "/v1/executions/$vendor/$id")
    }

    private RawHttp.Answer checked(String method, String target) {
        def answer = http.send(method, target, [Authorization: "Bearer $CLIENT_KEY".toString()])
        assert Gateway.GATEWAY_SPEC.responseErrors(method, target, answer.status, answer.header('Content-Type'), answer.body) == []
        answer
    }

    /** The simulator's executions as its admin API lists them: id, live status, retriedFrom. */
    List<Map> executions(String vendor) {
        adminCall(vendor, 'GET', '/_sandbox/executions', null).json as List<Map>
    }

    String failedId(String vendor) {
        sandbox.simulator(vendor).failedExecutionId()
    }

    /** Sets a fault for the simulator's next {@code times} calls. */
    void fault(String vendor, String spec, int times = 1) {
        assert adminCall(vendor, 'POST', '/_sandbox/faults', JsonOutput.toJson([fault: spec, times: times])).status == 201
    }

    List<Map> faults(String vendor) {
        adminCall(vendor, 'GET', '/_sandbox/faults', null).json as List<Map>
    }

    void reset() {
        sandbox.simulators().each { adminCall(it.vendor(), 'POST', '/_sandbox/reset', null) }
    }

    private Map adminCall(String vendor, String method, String path, String body) {
        def request = HttpRequest.newBuilder(sandbox.simulator(vendor).url().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header('Content-Type', 'application/json')
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build()
        def response = admin.send(request, HttpResponse.BodyHandlers.ofString())
        [status: response.statusCode(), json: response.body() ? new JsonSlurper().parseText(response.body()) : null]
    }

    @Override
    void close() {
        server?.applicationContext?.close()
        sandbox?.close()
    }
}
