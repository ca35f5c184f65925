package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.RedisServer
import io.execgate.gateway.support.SilentServer
import io.micronaut.inject.qualifiers.Qualifiers
import io.micronaut.scheduling.TaskExecutors
import io.micronaut.scheduling.executor.ExecutorType
import io.micronaut.scheduling.executor.UserExecutorConfiguration
import io.netty.channel.EventLoopGroup
import spock.lang.Issue
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static io.execgate.gateway.support.Gateway.fixture

/**
 * A retry with an {@code Idempotency-Key} waits for its idempotency store and for the vendor without
 * holding a thread: with one blocking thread and one event loop, keyed retries are still all at the
 * vendor at once, and a Redis that never answers fails only the keyed retries, within
 * {@code redis-timeout}, while other requests are answered.
 */
@Issue('16')
class KeyedRetryHoldsNoThreadSpec extends Specification {
    /** One thread in the blocking pool and one event loop, so that any thread a retry holds shows. */
    static final Map<String, Object> ONE_THREAD = [
            'micronaut.executors.blocking.type'              : 'fixed',
            'micronaut.executors.blocking.n-threads'         : 1,
            'micronaut.netty.event-loops.default.num-threads': 1]

    def "#calls keyed retries with the #store store are at the vendor at once"() {
        given:
        def redis = store == 'Redis' ? new RedisServer() : null
        def gateway = new Gateway(ONE_THREAD + ['execgate.vendors.skyvern.read-timeout': '30s']
                + (redis ? ['execgate.idempotency.redis-uri': redis.uri] : [:]))
        def skyvern = gateway.vendor('skyvern').answerWhenReleased(200, fixture('skyvern', 'retry-200.json'))
        def clients = Executors.newFixedThreadPool(calls)
        oneThreadEach(gateway)

        when: 'the vendor holds every answer until all the calls have arrived'
        def pending = (1..calls).collect { i ->
            clients.submit({ gateway.retry('skyvern', 'wr_123', null, ['Idempotency-Key': "parallel-$i".toString()]) } as Callable)
        }
        skyvern.awaitRequests(calls, 15)
        skyvern.releaseAnswers()
        def answers = pending.collect { it.get(20, TimeUnit.SECONDS) }

        then:
        answers.every { it.status == 202 && it.header('Idempotent-Replayed') == null }
        skyvern.requests.size() == calls

        cleanup:
        skyvern?.releaseAnswers()
        clients?.shutdownNow()
        gateway?.close()
        redis?.close()

        where:
        store        | calls
        'in-process' | 4
        'Redis'      | 4
    }

    def "a Redis that accepts connections but never answers fails keyed retries within redis-timeout, nothing sent, while a retry without a key is answered"() {
        given:
        def silent = new SilentServer()
        // the follow queue would use the same Redis and add its own connections: it is sent elsewhere (nothing listens)
        def gateway = new Gateway(ONE_THREAD + ['execgate.idempotency.redis-uri': silent.uri, 'execgate.idempotency.redis-timeout': '3s',
                                                'execgate.follow.redis-uri': 'redis://127.0.0.1:1'])
        def skyvern = gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        def clients = Executors.newFixedThreadPool(3)
        oneThreadEach(gateway)

        when: 'three keyed retries arrive while the connection to Redis is being made'
        long started = System.nanoTime()
        def keyed = (1..3).collect { i ->
            clients.submit({ gateway.retry('skyvern', 'wr_123', null, ['Idempotency-Key': "silent-$i".toString()]) } as Callable)
        }
        silent.awaitBytes(10)
        def plain = gateway.retry('skyvern', 'wr_123')
        boolean keyedStillWaiting = keyed.every { !it.done }
        def failed = keyed.collect { it.get(20, TimeUnit.SECONDS) }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)

        then: 'the retry without a key was answered while the keyed ones waited on Redis'
        plain.status == 202
        keyedStillWaiting

        and: 'the keyed ones failed closed after redis-timeout, not after Lettuce default 60 s, and sent nothing'
        failed.every { it.status == 500 && it.json.code == 'INTERNAL_ERROR' }
        millis < 3_000 + 4_000
        skyvern.requests.size() == 1

        and: 'they waited on one connection attempt'
        silent.accepted == 1

        cleanup:
        clients?.shutdownNow()
        gateway?.close()
        silent?.close()
    }

    /** Fails unless the settings took: a test with more threads than it says would prove nothing. */
    private static void oneThreadEach(Gateway gateway) {
        def context = gateway.server.applicationContext
        def blocking = context.getBean(UserExecutorConfiguration, Qualifiers.byName(TaskExecutors.BLOCKING))
        assert blocking.type == ExecutorType.FIXED && blocking.numberOfThreads == 1
        assert context.getBean(EventLoopGroup).iterator().size() == 1
    }
}
