package io.execgate.sandbox.support

import groovy.json.JsonSlurper
import io.execgate.sandbox.Sandbox
import io.execgate.testkit.OpenApiContract

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Path
import java.time.Duration

/**
 * Calls a simulator the way a vendor client does, and holds every exchange to the vendor's
 * checked-in spec: the request it sent and the answer it got must both be documented there.
 */
class VendorCalls {
    static final Path ROOT = Path.of(System.getProperty('execgate.root', '..'))
    static final Map<String, OpenApiContract> SPECS = Sandbox.DEFAULT_PORTS.keySet().collectEntries {
        [(it): OpenApiContract.load(ROOT.resolve("specs/vendors/${it}.yaml"))]
    }
    /** How each vendor expects its key. */
    static final Map<String, Closure<Map<String, String>>> AUTH = [
            kaizen : { String key -> [Authorization: "Bearer $key".toString()] },
            kinetic: { String key -> ['X-Kinetic-Key': key] },
            algapsa: { String key -> ['x-api-key': key] },
            skyvern: { String key -> ['x-api-key': key] },
    ]

    static class Answer {
        int status
        Map<String, List<String>> headers
        String body

        Object getJson() { body ? new JsonSlurper().parseText(body) : null }

        String header(String name) { headers.find { it.key.equalsIgnoreCase(name) }?.value?.first() }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    final Sandbox.Simulator simulator

    VendorCalls(Sandbox.Simulator simulator) { this.simulator = simulator }

    /** A call with the simulator's key, checked against the spec both ways. */
    Answer call(String method, String path, String body = null, Map<String, String> extra = [:]) {
        callAs(simulator.apiKey(), method, path, body, extra)
    }

    Answer callAs(String key, String method, String path, String body = null, Map<String, String> extra = [:]) {
        Map<String, String> headers = (key == null ? [:] : AUTH[simulator.vendor()](key)) + extra
        if (body != null) {
            headers['Content-Type'] = 'application/json'
        }
        Answer answer = raw(method, path, body, headers)
        def spec = SPECS[simulator.vendor()]
        if (key != null) {
            assert spec.requestErrors(method, path, headers, body) == []
        }
        assert spec.responseErrors(method, path, answer.status, answer.header('Content-Type'), answer.body) == []
        answer
    }

    /** A call the spec does not allow (bad input on purpose): only the answer is checked. */
    Answer callBadly(String method, String path, String body, Map<String, String> extra = [:]) {
        Map<String, String> headers = AUTH[simulator.vendor()](simulator.apiKey()) + extra
        Answer answer = raw(method, path, body, headers)
        assert SPECS[simulator.vendor()].responseErrors(method, path, answer.status, answer.header('Content-Type'), answer.body) == []
        answer
    }

    /** A call with nothing checked: for the admin API and for answers spoiled on purpose. */
    Answer raw(String method, String path, String body = null, Map<String, String> headers = [:]) {
        def builder = HttpRequest.newBuilder(simulator.url().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        headers.each { k, v -> builder.header(k, v) }
        if (body != null && !headers.keySet().any { it.equalsIgnoreCase('Content-Type') }) {
            builder.header('Content-Type', 'application/json')
        }
        def response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString())
        new Answer(status: response.statusCode(), headers: response.headers().map(), body: response.body())
    }

    /** Each vendor's retry and read calls for an id: method, path, body. */
    static final Map<String, Closure<List>> RETRY = [
            kaizen : { String id -> ['POST', '/executions/retry', """{"id":"$id"}""".toString()] },
            kinetic: { String id -> ['POST', "/api/executions/$id/retry".toString(), null] },
            algapsa: { String id -> ['POST', "/api/v1/automation/executions/$id/retry".toString(), null] },
            skyvern: { String id -> ['POST', "/v1/agents/runs/$id/retry".toString(), null] },
    ]
    static final Map<String, Closure<List>> READ = [
            kaizen : { String id -> ['POST', '/executions/get', """{"id":"$id"}""".toString()] },
            algapsa: { String id -> ['GET', "/api/v1/automation/executions/$id".toString(), null] },
            skyvern: { String id -> ['GET', "/v1/runs/$id".toString(), null] },
    ]
    /** Where each vendor puts the execution in a success answer. */
    static final Map<String, Closure<Map>> EXECUTION = [
            kaizen : { json -> json.execution?.execution ?: json.execution },
            kinetic: { json -> json },
            algapsa: { json -> json.data },
            skyvern: { json -> json },
    ]
    static final Map<String, String> ID_MEMBER = [kaizen: 'id', kinetic: 'execution_uuid', algapsa: 'execution_id', skyvern: 'run_id']

    Answer retry(String id, Map<String, String> extra = [:]) {
        def (method, path, body) = RETRY[simulator.vendor()](id)
        call(method as String, path as String, body as String, extra)
    }

    Answer read(String id) {
        def (method, path, body) = READ[simulator.vendor()](id)
        call(method as String, path as String, body as String)
    }

    /** The execution object of a success answer. */
    Map execution(Answer answer) { EXECUTION[simulator.vendor()](answer.json) }

    String idOf(Answer answer) { execution(answer)[ID_MEMBER[simulator.vendor()]] }

    String statusOf(Answer answer) { execution(answer).status }

    /** The seeded (or current) executions, by live vendor status. */
    Map<String, String> idsByStatus() {
        raw('GET', '/_sandbox/executions').json.collectEntries { [(it.status as String): it.id] }
    }
}
