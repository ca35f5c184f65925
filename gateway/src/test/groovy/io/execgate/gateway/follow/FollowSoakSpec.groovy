package io.execgate.gateway.follow

import io.execgate.gateway.support.RedisServer
import io.execgate.gateway.support.SandboxGateway
import io.execgate.gateway.support.TestTraffic
import io.execgate.gateway.support.WebhookReceiver
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.lang.management.ManagementFactory
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * A soak within bounds: 1,000 notified retries at once against the vendor sandbox (each retried run goes
 * created → queued → running → completed, one second a status), every one followed to its end and delivered
 * once. Prints the figures the closing note of a change quotes: time to deliver, and heap after GC.
 */
class FollowSoakSpec extends Specification {
    static final int RETRIES = 1000
    static final String SECRET = 'whsec_' + Base64.encoder.encodeToString('soak-webhook-Secret-0011-32-bytes!'.bytes)

    @Shared @AutoCleanup WebhookReceiver receiver = new WebhookReceiver()
    @Shared @AutoCleanup RedisServer redis = new RedisServer()
    @AutoCleanup SandboxGateway gateway

    def setupSpec() {
        TestTraffic.secrets([SECRET])
    }

    def "1,000 watches kept #store with a 1 s sandbox step: each retry is notified exactly once, signed, within a minute"() {
        given:
        receiver.clear()
        gateway = new SandboxGateway(Duration.ofSeconds(1), [
                'execgate.clients.ci.webhook-secret'           : SECRET,
                'execgate.follow.allow-private-targets'        : true,
                'execgate.vendors.skyvern.max-concurrent-calls': 128] + settings)
        def pool = Executors.newFixedThreadPool(16)
        String failed = gateway.failedId('skyvern')
        String body = """{"notify":{"url":"${receiver.url()}"}}"""
        long start = System.nanoTime()

        when:
        def answers = (1..RETRIES).collect {
            pool.submit({
                gateway.http.send('POST', "/v1/executions/skyvern/$failed/retry",
                        [Authorization: "Bearer $SandboxGateway.CLIENT_KEY".toString(), 'Content-Type': 'application/json'], body)
            } as Callable)
        }.collect { it.get(60, TimeUnit.SECONDS) }
        long sent = System.nanoTime()
        def events = receiver.await(RETRIES, 120)
        long delivered = System.nanoTime()

        then: 'every retry accepted, one event per retried run, no duplicate'
        answers*.status.unique() == [202]
        events.size() == RETRIES
        events*.header('webhook-id').unique().size() == RETRIES
        events.collect { it.json.data.id }.toSet() == answers.collect { it.json.id }.toSet()
        events.every { it.json.type == 'execution.finished' && it.json.data.status == 'COMPLETED' }
        events.every { WebhookReceiver.signedWith(it, SECRET) }

        and: 'the figures'
        System.gc()
        def heap = ManagementFactory.memoryMXBean.heapMemoryUsage
        println String.format("FollowSoakSpec (%s): %d retries sent in %.1f s; all %d events delivered %.1f s after the first retry " +
                '(runs take 3 s to complete); heap used after GC %d MB of %d MB committed', store, RETRIES, (sent - start) / 1e9,
                events.size(), (delivered - start) / 1e9, heap.used >> 20, heap.committed >> 20)
        TimeUnit.NANOSECONDS.toSeconds(delivered - start) < 60

        cleanup:
        pool?.shutdownNow()

        where:
        store        | settings
        'in process' | [:]
        'in Redis'   | ['execgate.follow.redis-uri': redis.uri]
    }
}
