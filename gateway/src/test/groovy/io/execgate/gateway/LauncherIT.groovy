package io.execgate.gateway

import groovy.json.JsonSlurper
import io.execgate.gateway.support.FakeVendor
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.Launched
import io.execgate.gateway.support.RawHttp
import io.execgate.sandbox.Sandbox
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * {@code ./execgate} as the README tells a newcomer to use it: the demo's printed curl lines run
 * as printed, {@code run} with nothing configured, and {@code sandbox} serving an unmodified gateway.
 */
class LauncherIT extends Specification {
    /** In the order the demo and the sandbox print them: the simulators' port order. */
    static final List<String> VENDORS = Sandbox.DEFAULT_PORTS.keySet() as List<String>

    def "./execgate demo prints curl lines that do what they say, every time they are run"() {
        given:
        int port = Launched.freePort()
        def demo = new Launched(Gateway.ROOT, ['./execgate', 'demo'], [PORT: port as String])

        when:
        def printed = demo.awaitLine(60) { it.contains('/_sandbox/faults') }
        long firstAnswerMillis = firstAnswer(port, demo)
        def curls = printed.findAll { it.trim().startsWith('curl -si -X POST') }
        def answers = curls.collect { line -> curl(line) }
        def again = curls.take(VENDORS.size()).collect { line -> curl(line) }
        def read = printed.find { it.trim().startsWith('curl -s http') && it.contains('/v1/executions/') }

        then: 'a 202 at each vendor, and the same 202 replayed when the line is run again (AlgaPSA would refuse a second retry)'
        curls.size() == VENDORS.size() + 1
        VENDORS.every { vendor -> curls.count { it.contains("/v1/executions/$vendor/") } >= 1 }
        answers.take(VENDORS.size()).every { it.startsWith('HTTP/1.1 202 Accepted') }
        answers.take(VENDORS.size()).collect { it.find(/"vendor":"(\w+)"/) { m, v -> v } } == VENDORS
        again.every { it.startsWith('HTTP/1.1 202 Accepted') && it.toLowerCase().contains('idempotent-replayed: true') }
        [answers.take(VENDORS.size()), again].transpose().every { first, second -> body(first) == body(second) }

        and: 'the read line reads a real execution'
        new JsonSlurper().parseText(curl(read)).status == 'FAILED'

        and: 'the problem line is a problem'
        answers.last().startsWith('HTTP/1.1 400 Bad Request')
        answers.last().toLowerCase().contains('content-type: application/problem+json')
        answers.last().contains('"code":"INVALID_REQUEST"')
        printed.any { it.contains("http://127.0.0.1:$port/openapi/gateway.yaml") }
        new RawHttp(port).send('GET', '/openapi/gateway.yaml').body.startsWith('openapi: 3.0.3')

        and: 'the API docs, metrics and readiness it points to answer'
        printed.any { it.startsWith("API docs: http://127.0.0.1:$port/docs/ ") }
        new RawHttp(port).send('GET', '/docs/').body.contains('SwaggerUIBundle')
        printed.any { it.contains("curl -s http://127.0.0.1:$port/prometheus") }
        new RawHttp(port).send('GET', '/prometheus').body.contains('execgate_requests_total{code="INVALID_REQUEST"')
        printed.any { it.contains("curl -s http://127.0.0.1:$port/health/readiness") }
        new RawHttp(port).send('GET', '/health/readiness').json == [status: 'UP', checks: [idempotencyStore: 'UP']]

        cleanup:
        println "./execgate demo: first answer ${firstAnswerMillis} ms after launch"
        demo?.close()
    }

    def "./execgate run with no vendor configured starts the sandbox instead, and says so"() {
        given:
        int port = Launched.freePort()
        def run = new Launched(Gateway.ROOT, ['./execgate', 'run'], [PORT: port as String])

        when:
        def printed = run.awaitLine(60) { it.contains('/v1/executions/skyvern/wr_') }
        def skyvern = printed.find { it.contains('/v1/executions/skyvern/wr_') }

        then:
        printed.any { it.contains('no vendor is configured') }
        curl(skyvern).startsWith('HTTP/1.1 202 Accepted')

        cleanup:
        run?.close()
    }

    def "./execgate sandbox prints what ./execgate run needs, and the gateway it starts serves its curl line"() {
        given:
        Map<String, Integer> ports = VENDORS.collectEntries { [(it): Launched.freePort()] }
        String opts = ports.collect { vendor, p -> "-Dexecgate.sandbox.${vendor}.port=$p" }.join(' ')
        def sandbox = new Launched(Gateway.ROOT, ['./execgate', 'sandbox'], [JAVA_OPTS: opts])
        def printed = sandbox.awaitLine(60) { it.contains('/_sandbox/faults') }
        Map<String, String> env = printed.findAll { it.trim().startsWith('export ') }
                .collectEntries { it.trim().substring('export '.length()).split('=', 2) as List }
        Map<String, String> failed = VENDORS.collectEntries { vendor ->
            [(vendor): printed.find { it.trim().startsWith(vendor + ' ') }.find(/seeded failed execution: (\S+)/) { m, id -> id }]
        }
        int port = Launched.freePort()

        when: 'exactly the printed exports, as a newcomer pastes them'
        def gateway = new Launched(Gateway.ROOT, ['./execgate', 'run'], env + [PORT: port as String])
        firstAnswer(port, gateway)
        String key = env.EXECGATE_CLIENTS_SANDBOX_API_KEY
        def answers = VENDORS.collectEntries { vendor ->
            [(vendor): new RawHttp(port).send('POST', "/v1/executions/$vendor/${failed[vendor]}/retry",
                    [Authorization: "Bearer $key".toString()])]
        }
        String printedRetry = curl(printed.find { it.trim().startsWith('curl -si -X POST') }.replace('127.0.0.1:8080', "127.0.0.1:$port"))

        then:
        ports.every { vendor, p -> printed.any { it.contains("http://127.0.0.1:$p") } }
        env.size() == 2 * VENDORS.size() + 1 // each vendor's URL and key, and the client key
        printed.any { it.trim() == './execgate run' }
        answers.every { vendor, answer -> answer.status == 202 && answer.json.vendor == vendor && answer.json.retriedId == failed[vendor] }
        printedRetry.startsWith('HTTP/1.1 202 Accepted')
        !gateway.lines.any { it.contains('no vendor is configured') }

        cleanup:
        gateway?.close()
        sandbox?.close()
    }

    def "./execgate sandbox on a port already in use stops with one line naming it"() {
        given:
        def taken = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1'))
        def sandbox = new Launched(Gateway.ROOT, ['./execgate', 'sandbox'],
                [JAVA_OPTS: "-Dexecgate.sandbox.kinetic.port=${taken.localPort}".toString()])

        when:
        boolean ended = sandbox.process.waitFor(60, TimeUnit.SECONDS)

        then:
        ended
        sandbox.process.exitValue() == 2
        sandbox.awaitLine(5) { it.startsWith('ExecGate cannot start the sandbox: ') }
                .any { it.contains("127.0.0.1:${taken.localPort}") }

        cleanup:
        taken?.close()
        sandbox?.close()
    }

    def "./execgate #command on a port in use stops with one line saying how to pick another, exit 2"() {
        given:
        def taken = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1'))
        def launched = new Launched(Gateway.ROOT, ['./execgate', command],
                [PORT: taken.localPort as String, EXECGATE_CLIENTS_CI_API_KEY: 'launcher-client-key'])

        when:
        boolean ended = launched.process.waitFor(60, TimeUnit.SECONDS)
        launched.awaitLine(5) { it.startsWith('ExecGate cannot start: ') }

        then:
        ended
        launched.process.exitValue() == 2
        launched.lines.findAll { !it.isBlank() } ==
                ["ExecGate cannot start: port ${taken.localPort} is in use; PORT=9000 ./execgate $command picks another (micronaut.server.port, MICRONAUT_SERVER_PORT)".toString()]

        cleanup:
        taken?.close()
        launched?.close()

        where:
        command << ['demo', 'run']
    }

    def "#command spec-diff #change exits #exit, with only the report on stdout"() {
        given:
        String drift = 'spec-drift/src/test/resources/drift'
        List<String> files = ["$drift/$vendor/old.yaml", change == 'missing' ? 'missing.yaml' : "$drift/$vendor/${change}.yaml"]*.toString()

        when:
        def run = new ProcessBuilder(command.split(' ').toList() + ['spec-diff'] + files + options)
                .directory(Gateway.ROOT.toFile()).start()
        String printed = null
        String complained = null
        def readers = [Thread.start { printed = run.inputStream.text }, Thread.start { complained = run.errorStream.text }]
        boolean ended = run.waitFor(60, TimeUnit.SECONDS)
        readers*.join(5000)

        then:
        ended
        run.exitValue() == exit
        check(printed, complained)

        cleanup:
        run?.destroyForcibly()

        where:
        command                                 | vendor    | change                | options                   | exit | check
        './execgate'                            | 'kinetic' | 'status-cancelled'    | ['--format', 'json']      | 1    | { String stdout, String stderr -> new JsonSlurper().parseText(stdout).findings*.kind == ['STATUS_VALUE_UNMAPPED'] && stderr == '' }
        'java -jar gateway/target/execgate.jar' | 'skyvern' | 'run-id-dropped'      | ['--fail-on', 'breaking'] | 1    | { String stdout, String stderr -> stdout.startsWith('execgate spec-diff: skyvern') && stdout.contains('READ_FIELD_REMOVED') && stderr == '' }
        './execgate'                            | 'kaizen'  | 'nesting-nested-only' | []                        | 0    | { String stdout, String stderr -> stdout.contains('0 breaking, 0 drift, 3 info') && stderr == '' }
        './execgate'                            | 'kaizen'  | 'missing'             | []                        | 2    | { String stdout, String stderr -> stdout == '' && stderr.startsWith('spec-diff: missing.yaml: no such file') }
    }

    def "./execgate runs the newest Java it finds, EXECGATE_JAVA another; its heap defaults give way to JAVA_OPTS"() {
        given:
        String drift = 'spec-drift/src/test/resources/drift/kaizen'
        List<String> specDiff = ['./execgate', 'spec-diff', "$drift/old.yaml", "$drift/nesting-nested-only.yaml"]*.toString()
        String show = '-XshowSettings:properties -XX:+PrintFlagsFinal'
        String buildJava = System.getProperty('java.home')

        when:
        def newest = settings(specDiff, [JAVA_OPTS: show])
        def chosen = settings(specDiff, [EXECGATE_JAVA: buildJava, JAVA_OPTS: "$show -Xmx1g".toString()])

        then: 'the newest: as new as any Java 17+ in JAVA_HOME, on PATH or under /usr/lib/jvm; the launcher\'s heap'
        newest['java.specification.version'] as int == newestJavaVersion()
        newest.MaxHeapSize as long == 768L << 20
        newest.InitialHeapSize as long == 64L << 20
        newest.UseSerialGC == 'true'
        newest.CompileThresholdScaling as double == 8d

        and: 'the one EXECGATE_JAVA names, with the heap JAVA_OPTS asks for'
        chosen['java.home'] == buildJava
        chosen.MaxHeapSize as long == 1L << 30
    }

    def "./execgate run on #which maps the start the build recorded, and loads no spec-diff, Swagger parser or sandbox code"() {
        given: 'a configured vendor, so that run starts the gateway alone; the JVM says where each class came from'
        def vendor = new FakeVendor().answer(200, Gateway.fixture('skyvern', 'retry-200.json'))
        int port = Launched.freePort()
        def run = new Launched(Gateway.ROOT, ['./execgate', 'run'], javaEnv + [
                PORT                            : port as String,
                EXECGATE_VENDORS_SKYVERN_URL    : vendor.url,
                EXECGATE_VENDORS_SKYVERN_API_KEY: 'launcher-vendor-key',
                EXECGATE_CLIENTS_CI_API_KEY     : 'launcher-client-key',
                JAVA_OPTS                       : '-Xlog:class+load=info:stdout'])

        when:
        firstAnswer(port, run)
        def answer = new RawHttp(port).send('POST', '/v1/executions/skyvern/wr_378585933662794563/retry',
                [Authorization: 'Bearer launcher-client-key'])
        Map<String, String> loaded = run.lines.collect { it =~ /\[class,load\] (\S+) source: (.+)$/ }
                .findAll { it.find() }.collectEntries { [(it.group(1)): it.group(2)] }

        then: 'the gateway classes and thousands of others come from the archive (Java 25+: the AOT cache), not the jar'
        answer.status == 202
        loaded['io.execgate.gateway.Application']?.startsWith('shared objects file')
        loaded.count { name, source -> source.startsWith('shared objects file') } > 5000

        and: 'nothing of spec-diff or the parsers it brings; of the sandbox, only what Micronaut reads of its bean definitions'
        !loaded.keySet().any { it.startsWith('io.execgate.drift.') || it.startsWith('io.swagger.') || it.startsWith('com.github.javaparser.') }
        !loaded.keySet().any { it ==~ /io\.execgate\.sandbox\.(Sandbox|Seeds|SeedIds|SandboxExecution|Timeline|Keys|FaultPlan)(\$.*)?/ }

        cleanup:
        run?.close()
        vendor?.close()

        where:
        which                           | javaEnv
        'the newest Java'               | [:]
        'the build\'s JDK (EXECGATE_JAVA)' | [EXECGATE_JAVA: System.getProperty('java.home')]
    }

    /** What a launched command's JVM reports of its system properties and flags (-XshowSettings, -XX:+PrintFlagsFinal). */
    private static Map<String, String> settings(List<String> command, Map<String, String> env) {
        def builder = new ProcessBuilder(command).directory(Gateway.ROOT.toFile()).redirectErrorStream(true)
        builder.environment().putAll(env)
        def process = builder.start()
        String printed = null
        def reader = Thread.start { printed = process.inputStream.text }
        assert process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0
        reader.join(5000)
        printed.readLines().collect { it =~ /^\s+(?:\S+\s+)?([\w.]+)\s+:?= (\S*)/ }.findAll { it.find() }
                .collectEntries { [(it.group(1)): it.group(2)] }
    }

    /** The newest feature version among the Java installations the launcher looks at (their release files). */
    private static int newestJavaVersion() {
        def candidates = [System.getenv('JAVA_HOME')].findAll() + (Files.list(Path.of('/usr/lib/jvm')).withCloseable { it.toList() }*.toString())
        String onPath = System.getenv('PATH').split(':').collect { Path.of(it, 'java') }.find { Files.isExecutable(it) }?.toRealPath()?.parent?.parent?.toString()
        (candidates + [onPath].findAll()).collect { Path.of(it, 'release') }.findAll { Files.isReadable(it) }
                .collect { (Files.readString(it) =~ /(?m)^JAVA_VERSION="(\d+)/).with { it.find() ? it.group(1) as int : 0 } }
                .findAll { it >= 17 }.max()
    }

    /** Polls /health (bounded) and returns the milliseconds from launch to its first answer. */
    private static long firstAnswer(int port, Launched launched) {
        try {
            new RawHttp(port).awaitHealth(60)
        } catch (IllegalStateException silent) {
            throw new IllegalStateException("${silent.message}:\n${launched.lines.join('\n')}")
        }
        launched.millisSinceStart()
    }

    /** The body of a {@code curl -si} answer. */
    private static String body(String answer) {
        answer.substring(answer.indexOf('\n\n') + 2)
    }

    /** Runs a printed curl line exactly as printed (bash, bounded). */
    private static String curl(String line) {
        def process = new ProcessBuilder('bash', '-c', line.trim() + ' --max-time 20').redirectErrorStream(true).start()
        String out = process.inputStream.text
        assert process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
        out.replace('\r\n', '\n')
    }
}
