package io.execgate.gateway.follow

import io.execgate.gateway.support.Launched
import io.execgate.gateway.support.RawHttp
import io.execgate.gateway.support.RedisServer
import io.execgate.gateway.support.TestTraffic
import io.execgate.gateway.support.WebhookReceiver
import io.execgate.sandbox.Sandbox
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * Watches and deliveries belong to the cluster, not to one process: two packaged gateways (real processes) on one
 * real {@code redis-server}, retries spread over both, against the vendor sandbox (a retried Skyvern run completes
 * three one-second steps later). The receiver counts raw deliveries: it deduplicates nothing.
 */
class FollowClusterIT extends Specification {
    static final String JAR = System.getProperty('execgate.jar')
    static final String CLIENT_KEY = 'client-cluster-Secret-0012'
    static final String SECRET = 'whsec_' + Base64.encoder.encodeToString('cluster-webhook-Secret-0013-bytes'.bytes)
    static final String STREAM = 'execgate:follow'

    @Shared @AutoCleanup RedisServer redis = new RedisServer()
    @Shared @AutoCleanup Sandbox sandbox = Sandbox.start(Sandbox.Options.embedded(Duration.ofSeconds(1)))
    @Shared @AutoCleanup WebhookReceiver receiver = new WebhookReceiver()
    List<Instance> instances = []

    def setupSpec() {
        TestTraffic.secrets([CLIENT_KEY, SECRET] + sandbox.simulators()*.apiKey())
    }

    def setup() {
        receiver.clear()
        redis.cli('FLUSHALL')
    }

    def cleanup() {
        instances*.close()
    }

    def "100 followed retries spread over two instances: exactly 100 deliveries, one per retried run"() {
        given:
        def (a, b) = [start('a'), start('b')]

        when:
        def answers = (0..<100).collect { i -> retry(i % 2 ? a : b) }
        def events = receiver.await(100, 90)
        awaitStreamEmpty(30) // every job ended: no delivery can still come

        then:
        answers*.status.unique() == [202]
        receiver.received.size() == 100
        events*.header('webhook-id').unique().size() == 100
        events.collect { it.json.data.id }.toSet() == answers.collect { it.json.id }.toSet()
        events.every { WebhookReceiver.signedWith(it, SECRET) }
    }

    def "kill -9 of an instance holding watches: the other takes them over and delivers them all"() {
        given:
        def (a, b) = [start('a'), start('b')]
        def answers = (0..<100).collect { i -> retry(i % 2 ? a : b) }

        when: 'a is killed while both hold watches (each run takes three seconds to end)'
        Map<String, Integer> pending = pendingByConsumer()
        a.kill()
        def events = receiver.await(100, 90)
        awaitStreamEmpty(30)

        then: 'both held some when a died'
        pending.size() == 2
        pending.values().every { it > 0 }

        and: 'every retried run was notified; a duplicate would need a delivery sent just before the kill'
        events.collect { it.json.data.id }.toSet() == answers.collect { it.json.id }.toSet()
        println "FollowClusterIT kill -9: ${receiver.received.size()} deliveries for 100 runs (held at the kill: $pending)"
    }

    def "restart both instances: deliveries pending at a failing receiver resume once it answers"() {
        given: 'a receiver that fails every attempt'
        receiver.answer([status: 503])
        def (a, b) = [start('a'), start('b')]
        def answers = (0..<20).collect { i -> retry(i % 2 ? a : b) }
        Set<String> failedEvents = awaitEvents(20, 60)

        when: 'both stop, the receiver recovers, and two new instances start'
        a.close()
        b.close()
        int before = receiver.received.size()
        receiver.answer([status: 200])
        start('c')
        start('d')
        awaitStreamEmpty(60)

        then: 'every event was delivered after the restart, with the id it had before'
        def after = (receiver.received as List).drop(before)
        after*.header('webhook-id').toSet() == failedEvents
        after.collect { it.json.data.id }.toSet() == answers.collect { it.json.id }.toSet()
    }

    /** Waits until {@code wanted} distinct events (webhook-ids) have been attempted; returns their ids. */
    private Set<String> awaitEvents(int wanted, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        Set<String> ids = []
        while (System.nanoTime() < deadline) {
            ids = (receiver.received as List)*.header('webhook-id') as Set
            if (ids.size() >= wanted) {
                return ids
            }
            Thread.sleep(50)
        }
        assert ids.size() >= wanted
        ids
    }

    private RawHttp.Answer retry(Instance instance) {
        String failed = sandbox.simulator('skyvern').failedExecutionId()
        instance.http.send('POST', "/v1/executions/skyvern/$failed/retry",
                [Authorization: "Bearer $CLIENT_KEY".toString(), 'Content-Type': 'application/json'],
                """{"notify":{"url":"${receiver.url()}"}}""")
    }

    private Instance start(String name) {
        Instance instance = new Instance(name, this)
        instances << instance
        instance
    }

    /** Jobs still pending per consumer (instance), from XINFO CONSUMERS. */
    private Map<String, Integer> pendingByConsumer() {
        List<String> lines = redis.cli('XINFO', 'CONSUMERS', STREAM, 'execgate').readLines()
        Map<String, Integer> pending = [:]
        for (int i = 0; i < lines.size() - 3; i++) {
            if (lines[i] == 'name') {
                pending[lines[i + 1]] = lines[i + 3] as int
            }
        }
        pending
    }

    private void awaitStreamEmpty(long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (System.nanoTime() < deadline) {
            if (redis.cli('XLEN', STREAM) == '0') {
                return
            }
            Thread.sleep(50)
        }
        assert redis.cli('XLEN', STREAM) == '0'
    }

    /** One packaged gateway process on a free port. */
    static class Instance implements Closeable {
        final Launched process
        final RawHttp http

        Instance(String name, FollowClusterIT spec) {
            int port = Launched.freePort()
            List<String> props = ["-Dmicronaut.server.port=$port", "-Dexecgate.clients.ci.api-key=$CLIENT_KEY",
                                  "-Dexecgate.clients.ci.webhook-secret=$SECRET", '-Dexecgate.follow.allow-private-targets=true',
                                  "-Dexecgate.follow.redis-uri=${spec.redis.uri}", '-Dexecgate.follow.claim-after=2s',
                                  '-Dexecgate.follow.delivery-backoff=300ms', '-Dexecgate.follow.delivery-backoff-max=1s',
                                  '-Dexecgate.log.format=text']
            spec.sandbox.gatewayProperties().each { key, value -> props << "-D$key=$value".toString() }
            process = new Launched(Path.of('.'), ([System.getProperty('java.home') + '/bin/java'] + props + ['-jar', JAR])*.toString())
            http = new RawHttp(port)
            http.awaitHealth(60)
        }

        /** SIGKILL: no shutdown hook, nothing acknowledged. */
        void kill() {
            process.process.destroyForcibly()
            process.process.waitFor(10, TimeUnit.SECONDS)
        }

        @Override
        void close() {
            process.close()
        }
    }
}
