package io.execgate.gateway

import groovy.json.JsonSlurper
import io.execgate.gateway.support.FakeVendor
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.RawHttp
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.TimeUnit

import static io.execgate.gateway.support.Gateway.fixture

/**
 * The packaged jar, started the way the README says, against fake vendors on 127.0.0.1: the
 * property names of the contract, a retry at every vendor, and a failure row.
 */
class PackagedJarIT extends Specification {
    static final String JAR = System.getProperty('execgate.jar')
    static final File LOG = new File('target/test-traffic/packaged-jar.log')

    @Shared Map<String, FakeVendor> vendors = Gateway.VENDORS.collectEntries { [(it): new FakeVendor()] }
    @Shared int port = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
    @Shared Process gateway
    @Shared RawHttp http = new RawHttp(port)

    def setupSpec() {
        def props = ["-Dmicronaut.server.port=$port", '-Dexecgate.clients.ci.api-key=jar-client-key']
        vendors.each { name, fake ->
            props << "-Dexecgate.vendors.${name}.url=${fake.url}" << "-Dexecgate.vendors.${name}.api-key=jar-${name}-key"
        }
        LOG.parentFile.mkdirs()
        gateway = start(props, [:], ProcessBuilder.Redirect.to(LOG))
        http.awaitHealth(60)
    }

    def cleanupSpec() {
        gateway?.destroy()
        gateway?.waitFor(10, TimeUnit.SECONDS)
        vendors.values()*.close()
    }

    def "#vendor: a retry through the packaged jar reaches the vendor with its own key"() {
        given:
        vendors[vendor].answer(status, fixture(vendor, file))

        when:
        def answer = http.send('POST', "/v1/executions/$vendor/$id/retry", [Authorization: 'Bearer jar-client-key'])

        then:
        answer.status == 202
        answer.json.vendor == vendor
        answer.json.retriedId == id
        vendors[vendor].onlyRequest.headers.values().flatten().any { it.contains("jar-${vendor}-key") }

        where:
        vendor    | status | file                    | id
        'kaizen'  | 200    | 'retry-200.json' | 'exec_41'
        'kinetic' | 201    | 'retry-201.json'        | 'ex-1'
        'algapsa' | 200    | 'retry-200.json'        | '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'
        'skyvern' | 200    | 'retry-200.json'        | 'wr_123'
    }

    def "the jar logs one JSON line per request with its facts, and never a key"() {
        given:
        vendors.kinetic.clear().answer(201, fixture('kinetic', 'retry-201.json'))

        when:
        def answer = http.send('POST', '/v1/executions/kinetic/ex-log-1/retry',
                [Authorization: 'Bearer jar-client-key', 'X-Request-Id': 'log-check-1'])
        def line = awaitLogLine { it.contains('"requestId":"log-check-1"') }
        def json = new JsonSlurper().parseText(line)

        then:
        answer.status == 202
        json.subMap(['logger_name', 'requestId', 'client', 'vendor', 'operation', 'status', 'code', 'outcome', 'vendorStatus']) ==
                [logger_name: 'execgate.request', requestId: 'log-check-1', client: 'ci', vendor: 'kinetic',
                 operation: 'retry', status: 202, code: 'none', outcome: 'none', vendorStatus: 'queued']
        json.durationMs >= json.vendorMs
        json.vendorMs > 0

        and: 'every line is one JSON object, and no configured key appears'
        LOG.readLines().findAll { !it.isBlank() }.every { it.startsWith('{') && it.endsWith('}') }
        ['jar-client-key', *Gateway.VENDORS.collect { "jar-${it}-key" as String }].count { LOG.text.contains(it) } == 0
    }

    /** Waits (bounded, 10 s) for a line of the jar's log. */
    private static String awaitLogLine(Closure<Boolean> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
        while (System.nanoTime() < deadline) {
            String line = LOG.exists() ? LOG.readLines().find(wanted) : null
            if (line != null) {
                return line
            }
            Thread.sleep(50)
        }
        throw new AssertionError('no such line in ' + LOG)
    }

    def "a vendor's refusal comes back as a problem document"() {
        given:
        vendors.skyvern.clear().answer(400, '{"detail":"Only terminal workflow runs can be retried"}')

        when:
        def answer = http.send('POST', '/v1/executions/skyvern/wr_running/retry', [Authorization: 'Bearer jar-client-key'])

        then:
        answer.status == 409
        answer.header('Content-Type') == 'application/problem+json'
        answer.json.code == 'NOT_RETRYABLE'
        answer.json.vendorError == [detail: 'Only terminal workflow runs can be retried']
    }

    def "a bad configuration stops the jar with one line naming the property (#why)"() {
        when:
        def process = start(["-Dmicronaut.server.port=0"] + props, env)
        boolean ended = process.waitFor(60, TimeUnit.SECONDS)
        def stderr = process.errorStream.text.trim()

        then:
        ended
        process.exitValue() == 2
        stderr.readLines().size() == 1
        stderr.startsWith('ExecGate cannot start: ')
        stderr.contains(property)

        where:
        why                         | props                                                                                              | env                                                                            || property
        'no client key'             | ['-Dexecgate.vendors.skyvern.url=http://127.0.0.1:9', '-Dexecgate.vendors.skyvern.api-key=s']       | [:]                                                                            || 'execgate.clients.<client>.api-key'
        'vendor url not a URL'      | ['-Dexecgate.clients.ci.api-key=k', '-Dexecgate.vendors.skyvern.url=nope', '-Dexecgate.vendors.skyvern.api-key=s'] | [:]                                             || 'execgate.vendors.skyvern.url'
        'the same, by env variable' | []                                                                                                 | [EXECGATE_CLIENTS_CI_API_KEY: 'k', EXECGATE_VENDORS_KINETIC_URL: 'nope', EXECGATE_VENDORS_KINETIC_API_KEY: 's'] || 'execgate.vendors.kinetic.url'
    }

    private static Process start(List<String> props, Map<String, String> env = [:],
                                 ProcessBuilder.Redirect output = ProcessBuilder.Redirect.DISCARD) {
        def command = [System.getProperty('java.home') + '/bin/java'] + props.collect { it.toString() } + ['-jar', JAR]
        def builder = new ProcessBuilder(command).redirectOutput(output)
        builder.environment().putAll(env)
        builder.start()
    }
}
