package io.execgate.sandbox.support

import groovy.json.JsonSlurper
import groovy.yaml.YamlSlurper
import io.execgate.sandbox.Sandbox
import io.execgate.sandbox.VendorBehaviour
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
    /** The headers carrying {@code key} the way {@code vendor} expects it (its sandbox behaviour says how). */
    static Map<String, String> credentials(Sandbox.Simulator simulator, String key) {
        simulator.context().getBean(VendorBehaviour).credentials(key)
    }

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
        Map<String, String> headers = (key == null ? [:] : credentials(simulator, key)) + extra
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
        Map<String, String> headers = credentials(simulator, simulator.apiKey()) + extra
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

    /**
     * A vendor's calls, from its fixture {@code vendors/<vendor>/calls.yaml}: method, path and body of
     * its retry and read for an id, where a success answer holds the execution, and its id member.
     * A vendor the sandbox simulates without that file fails here, loudly.
     */
    static Map calls(String vendor) {
        CALLS.computeIfAbsent(vendor) {
            InputStream yaml = VendorCalls.getResourceAsStream("/vendors/$vendor/calls.yaml")
            assert yaml != null: "the sandbox simulates $vendor, but sandbox/src/test/resources/vendors/$vendor/calls.yaml is missing"
            yaml.withCloseable { new YamlSlurper().parse(it) as Map }
        }
    }

    private static final Map<String, Map> CALLS = new java.util.concurrent.ConcurrentHashMap<>()

    /** The vendors the sandbox simulates, in name order: each has its {@code vendors/<vendor>/calls.yaml}. */
    static final List<String> VENDORS = Sandbox.DEFAULT_PORTS.keySet().sort()

    /**
     * A section of the vendor's {@code calls.yaml} that says what its simulator must answer (a spec's rows for
     * that vendor). A vendor without it fails, loudly, naming the file and the section.
     */
    static Object expected(String vendor, String section) {
        Map calls = calls(vendor)
        assert calls.containsKey(section):
                "sandbox/src/test/resources/vendors/$vendor/calls.yaml has no '$section': $vendor's simulator would go untested there"
        calls[section]
    }

    /** {@code value} with every {@code {id}} in its strings replaced by {@code id}. */
    static Object withId(Object value, String id) {
        switch (value) {
            case Map: return (value as Map).collectEntries { k, v -> [(k): withId(v, id)] }
            case List: return (value as List).collect { withId(it, id) }
            case String: return (value as String).replace('{id}', id)
            default: return value
        }
    }

    /** The vendor's retry of {@code id}: method, path, body (null when it sends none). */
    static List retryCall(String vendor, String id) { filledIn(calls(vendor).retry as Map, vendor, 'retry', id) }

    /** The vendor's read of {@code id}: method, path, body. */
    static List readCall(String vendor, String id) { filledIn(calls(vendor).read as Map, vendor, 'read', id) }

    private static List filledIn(Map call, String vendor, String operation, String id) {
        assert call != null: "vendors/$vendor/calls.yaml has no $operation call"
        [call.method, (call.path as String).replace('{id}', id), (call.body as String)?.replace('{id}', id)]
    }

    Answer retry(String id, Map<String, String> extra = [:]) {
        def (method, path, body) = retryCall(simulator.vendor(), id)
        call(method as String, path as String, body as String, extra)
    }

    Answer read(String id) {
        def (method, path, body) = readCall(simulator.vendor(), id)
        call(method as String, path as String, body as String)
    }

    /** The execution object of a success answer. */
    Map execution(Answer answer) {
        List<String> pointers = calls(simulator.vendor()).execution as List<String>
        pointers.collect { String pointer -> at(answer.json, pointer) }.find { it instanceof Map } as Map
    }

    String idOf(Answer answer) { execution(answer)[calls(simulator.vendor()).id as String] }

    /** The value at a JSON pointer made of plain member names ({@code ''} is the whole document). */
    private static Object at(Object json, String pointer) {
        pointer.split('/').drop(1).inject(json) { node, String member -> node instanceof Map ? node[member] : null }
    }

    String statusOf(Answer answer) { execution(answer).status }

    /** The seeded (or current) executions, by live vendor status. */
    Map<String, String> idsByStatus() {
        raw('GET', '/_sandbox/executions').json.collectEntries { [(it.status as String): it.id] }
    }
}
