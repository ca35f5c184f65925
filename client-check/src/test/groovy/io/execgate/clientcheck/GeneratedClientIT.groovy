package io.execgate.clientcheck

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.execgate.client.ApiClient
import io.execgate.client.ApiException
import io.execgate.client.api.ExecutionsApi
import io.execgate.client.api.VendorsApi
import io.execgate.client.model.Artifact
import io.execgate.client.model.Execution
import io.execgate.client.model.Outcome
import io.execgate.client.model.Problem
import io.execgate.client.model.RetryRequest
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/**
 * A client generated from {@code specs/gateway.yaml} by OpenAPI Generator (java, native; see
 * pom.xml) against the packaged gateway started as a stranger would: {@code java -jar
 * gateway/target/execgate.jar demo} on a free port. The failed execution to retry is the one the
 * running sandbox lists, not a hard-coded id. Because ProblemCode, ExecutionStatus and
 * Artifact.kind are {@code x-extensible-enum}, the client has them as plain strings (a value added
 * later cannot break it), while the closed Outcome stays an enum.
 */
class GeneratedClientIT extends Specification {
    static final Path ROOT = Path.of(System.getProperty('execgate.root'))
    static final Path JAR = Path.of(System.getProperty('execgate.jar'))

    @Shared Process demo
    @Shared List<String> printed = new CopyOnWriteArrayList<>()
    @Shared int port
    @Shared ApiClient client
    @Shared ExecutionsApi executions
    @Shared VendorsApi vendors

    def setupSpec() {
        assert Files.isRegularFile(JAR): "$JAR is missing: build with the reactor (./mvnw -B -ntp verify)"
        port = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        demo = new ProcessBuilder(java, "-Dmicronaut.server.port=$port", '-jar', JAR.toString(), 'demo')
                .directory(ROOT.toFile()).redirectErrorStream(true).start()
        Thread.startDaemon('demo output') {
            try {
                demo.inputStream.newReader().eachLine { printed << it }
            } catch (IOException ended) {
                // the demo was stopped; its output ends here
            }
        }
        awaitPrinted(90) { it.contains('/v1/vendors') }
        client = new ApiClient().setHost('127.0.0.1').setPort(port).setScheme('http')
                .setConnectTimeout(Duration.ofSeconds(5)).setReadTimeout(Duration.ofSeconds(20))
        executions = new ExecutionsApi(client)
        vendors = new VendorsApi(client)
    }

    def cleanupSpec() {
        demo?.destroy()
        if (demo != null && !demo.waitFor(10, TimeUnit.SECONDS)) {
            demo.destroyForcibly()
        }
    }

    def "the generated client has the extensible enums as strings and the closed Outcome as an enum"() {
        expect:
        Problem.getMethod('getCode').returnType == String
        Execution.getMethod('getStatus').returnType == String
        Artifact.getMethod('getKind').returnType == String
        Problem.getMethod('getOutcome').returnType == Outcome
        Outcome.values()*.value == ['NOT_SENT', 'REJECTED', 'UNKNOWN']
    }

    def "a retry of the sandbox's failed Skyvern run is accepted (202), and reading the new run follows it"() {
        given: 'the failed run the running simulator lists'
        String failed = failedRun()

        when:
        def accepted = executions.retryExecutionWithHttpInfo('skyvern', failed, null, null, null, null,
                new RetryRequest().maxStepsOverride(25))
        Execution retried = accepted.data

        then:
        accepted.statusCode == 202
        retried.vendor == 'skyvern'
        retried.retriedId == failed
        retried.id != failed
        retried.status == 'QUEUED'
        retried.vendorStatus == 'created'
        accepted.headers.get('location') == ["/v1/executions/skyvern/${retried.id}".toString()]

        when: 'the new run is read back through the client'
        Execution read = executions.getExecution('skyvern', retried.id, null, null, null)

        then:
        read.id == retried.id
        read.vendor == 'skyvern'
        read.status in ['QUEUED', 'RUNNING', 'COMPLETED']
        read.retriedId == null
    }

    def "a waited retry through the client: Prefer wait=10 answers 200 with the run completed"() {
        when:
        def finished = executions.retryExecutionWithHttpInfo('skyvern', failedRun(), null, null, null, 'wait=10', null)

        then:
        finished.statusCode == 200
        finished.headers.get('preference-applied') == ['wait=10']
        finished.data.status == 'COMPLETED'
        finished.data.retriedId == failedRun()
    }

    def "reading the failed run gives its status and artifacts as strings"() {
        when:
        Execution read = executions.getExecution('skyvern', failedRun(), null, null, null)

        then:
        read.status == 'FAILED'
        read.vendorStatus == 'failed'
        read.failureReason
        !read.artifacts.empty
        read.artifacts*.kind.every { it in ['download', 'screenshot'] }
    }

    def "a #situation is a problem the client decodes: #status #code"() {
        when:
        call(executions)

        then:
        ApiException refused = thrown()
        refused.code == status
        refused.responseHeaders.map().get('content-type') == ['application/problem+json']
        Problem problem = client.objectMapper.readValue(refused.responseBody, Problem)
        problem.status == status
        problem.code == code
        problem.type == type
        problem.retryable == false
        problem.outcome == outcome
        problem.requestId == refused.responseHeaders.firstValue('x-request-id').orElse(null)

        where:
        situation              | status | code                  | type                            | outcome
        'bad option'           | 400    | 'INVALID_REQUEST'     | '/problems/invalid-request'     | Outcome.NOT_SENT
        'vendor nobody knows'  | 404    | 'UNKNOWN_VENDOR'      | '/problems/unknown-vendor'      | Outcome.NOT_SENT
        'run the vendor lacks' | 404    | 'EXECUTION_NOT_FOUND' | '/problems/execution-not-found' | Outcome.REJECTED

        call << [
                { ExecutionsApi api -> api.retryExecution('skyvern', failedRun(), null, null, null, null, new RetryRequest().maxStepsOverride(0)) },
                { ExecutionsApi api -> api.getExecution('acme', 'exec_1', null, null, null) },
                { ExecutionsApi api -> api.retryExecution('skyvern', 'wr_000000000000000001', null, null, null, null, null) }]
    }

    def "the vendor's own words reach the client as vendorError: #what"() {
        given:
        if (fault) {
            assert admin('POST', '/_sandbox/faults', JsonOutput.toJson([fault: fault, times: 1])) == 201
        }

        when:
        executions.retryExecution('skyvern', id ?: failedRun(), null, null, null, null, null)

        then:
        ApiException refused = thrown()
        Problem problem = client.objectMapper.readValue(refused.responseBody, Problem)
        problem.vendor == 'skyvern'
        problem.vendorHttpStatus == vendorStatus
        problem.vendorError == vendorError

        where:
        what                                     | fault   | id                      || vendorStatus | vendorError
        'its error object'                       | null    | 'wr_000000000000000001' || 404          | [detail: 'Workflow run not found']
        'an empty string when it sent no body'   | 'empty' | null                    || 200          | ''
    }

    def "the vendor list names every demo vendor, configured, with its operations"() {
        when:
        def listed = vendors.listVendors(null)

        and: 'the simulated vendors the demo printed, one line each after "Simulated vendors:"'
        List<String> simulated = printed.dropWhile { it != 'Simulated vendors:' }.drop(1)
                .takeWhile { it ==~ /^\s+\S+\s+http:\/\/\S+$/ }.collect { it.trim().split(/\s+/)[0] }

        then:
        simulated.size() >= 5
        listed*.name == simulated.sort()
        listed.every { it.configured }
        listed.find { it.name == 'kinetic' }.operations*.value == ['retry']
        listed.find { it.name == 'skyvern' }.operations*.value == ['retry', 'get']
    }

    /** The failed run the Skyvern simulator lists at its admin API. */
    private String failedRun() {
        def failed = new JsonSlurper().parseText(simulatorBody('GET', '/_sandbox/executions', null))
                .findAll { it.status == 'failed' && !it.retriedFrom }
        assert failed: 'the Skyvern simulator lists no failed run'
        failed.first().id
    }

    /** Calls the Skyvern simulator's admin API and returns the status. */
    private int admin(String method, String path, String body) {
        simulator(method, path, body).statusCode()
    }

    private String simulatorBody(String method, String path, String body) {
        def answer = simulator(method, path, body)
        assert answer.statusCode() == 200
        answer.body()
    }

    /** The Skyvern simulator's admin API (its URL as the demo printed it). */
    private HttpResponse<String> simulator(String method, String path, String body) {
        String url = printed.findResult { (it =~ /^\s+skyvern\s+(http:\/\/\S+)$/).with { it.find() ? it.group(1) : null } }
        assert url: "the demo printed no Skyvern simulator:\n${printed.join('\n')}"
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("$url$path")).timeout(Duration.ofSeconds(10))
                .header('Content-Type', 'application/json')
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString())
    }

    /** Waits (bounded) for a line of the demo's output; the demo prints its guide once it answers. */
    private void awaitPrinted(int seconds, Closure<Boolean> matches) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (!printed.any(matches)) {
            if (!demo.alive) {
                throw new IllegalStateException("the demo ended with ${demo.exitValue()}:\n${printed.join('\n')}")
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no matching line within ${seconds}s:\n${printed.join('\n')}")
            }
            Thread.sleep(50)
        }
    }
}
