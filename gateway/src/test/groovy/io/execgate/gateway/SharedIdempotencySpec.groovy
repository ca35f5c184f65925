package io.execgate.gateway

import io.execgate.gateway.support.FakeVendor
import io.execgate.gateway.support.RawHttp
import io.execgate.gateway.support.RedisServer
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static io.execgate.gateway.support.Gateway.fixture

/**
 * Two gateway instances behind one load balancer share idempotency through a real Redis
 * ({@code execgate.idempotency.redis-uri}): a key is one vendor call whichever instance gets it.
 */
class SharedIdempotencySpec extends Specification {
    static final String CLIENT_KEY = 'client-redis-Secret-0008'

    @Shared @AutoCleanup RedisServer redis = new RedisServer()
    @Shared @AutoCleanup('close') FakeVendor skyvern = new FakeVendor()
    @Shared @AutoCleanup EmbeddedServer a = instance()
    @Shared @AutoCleanup EmbeddedServer b = instance()

    def setup() {
        skyvern.clear().answer(200, fixture('skyvern', 'retry-200.json'))
    }

    def "a key sent to one instance is replayed by the other, byte for byte, with one vendor call"() {
        given:
        def key = [('Idempotency-Key'): 'shared-1']

        when:
        def first = retry(a, 'wr_123', key)
        def second = retry(b, 'wr_123', key)

        then:
        skyvern.requests.size() == 1
        first.status == 202
        second.status == 202
        second.body == first.body
        second.header('Location') == first.header('Location')
        second.header('Idempotent-Replayed') == 'true'
    }

    def "the same key sent to both instances at once: one vendor call"() {
        given:
        skyvern.hang(800) // the first holds its claim while the others arrive
        def key = [('Idempotency-Key'): 'shared-race']
        def pool = Executors.newFixedThreadPool(10)

        when:
        def answers = (1..10).collect { i -> pool.submit({ retry(i % 2 ? a : b, 'wr_7', key) } as Callable) }
                .collect { it.get(20, TimeUnit.SECONDS) }

        then:
        skyvern.requests.size() == 1
        answers.count { it.json.code == 'IDEMPOTENCY_IN_PROGRESS' } >= 1
        answers.every { it.json.code in ['IDEMPOTENCY_IN_PROGRESS', 'UPSTREAM_ERROR'] }

        cleanup:
        pool.shutdownNow()
    }

    def "a different request under a key another instance used is 422 there too"() {
        given:
        def key = [('Idempotency-Key'): 'shared-reuse']
        retry(a, 'wr_123', key)

        when:
        def other = retry(b, 'wr_999', key)

        then:
        other.status == 422
        other.json.code == 'IDEMPOTENCY_KEY_REUSED'
        skyvern.requests.size() == 1
    }

    def "Redis holds only digests of client and key, and the answer expires with its ttl"() {
        given:
        def key = [('Idempotency-Key'): 'shared-ttl']

        when:
        retry(a, 'wr_123', key)
        def names = redis.cli('--scan', '--pattern', 'execgate:idempotency:*').readLines()
        long ttlMillis = names.collect { redis.cli('PTTL', it) as long }.max()

        then:
        !names.isEmpty()
        names.every { it ==~ /execgate:idempotency:[0-9a-f]{64}/ }
        !names.any { it.contains('shared-ttl') || it.contains(CLIENT_KEY) }
        ttlMillis > 23 * 3600 * 1000L && ttlMillis <= 24 * 3600 * 1000L
    }

    def "with Redis unreachable a keyed retry fails closed (500, no vendor call); one without a key still works"() {
        given:
        def cut = instance(['execgate.idempotency.redis-uri': "redis://127.0.0.1:${io.execgate.gateway.support.Launched.freePort()}".toString(),
                            'execgate.idempotency.redis-timeout': '1s'])

        when:
        def keyed = retry(cut, 'wr_123', [('Idempotency-Key'): 'no-redis'])
        int callsAfterKeyed = skyvern.requests.size()
        def plain = retry(cut, 'wr_123', [:])

        then:
        keyed.status == 500
        keyed.json.code == 'INTERNAL_ERROR'
        callsAfterKeyed == 0
        plain.status == 202
        skyvern.requests.size() == 1

        cleanup:
        cut?.close()
    }

    def "Redis that stops answering on an open connection fails a keyed retry within redis-timeout, with no vendor call"() {
        given:
        def hung = new RedisServer()
        def cut = instance(['execgate.idempotency.redis-uri': hung.uri, 'execgate.idempotency.redis-timeout': '1s'])
        assert retry(cut, 'wr_123', [('Idempotency-Key'): 'before-the-hang']).status == 202 // the connection is open
        skyvern.clear()
        hung.pause()

        when:
        long started = System.nanoTime()
        def keyed = retry(cut, 'wr_123', [('Idempotency-Key'): 'hung'])
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)

        then:
        keyed.status == 500
        keyed.json.code == 'INTERNAL_ERROR'
        millis < 1_000 + 4_000 // redis-timeout, not Lettuce's default 60 s
        skyvern.requests.isEmpty()

        cleanup:
        cut?.close()
        hung?.close()
    }

    def "Redis lost while the vendor works: the caller still gets the vendor's answer"() {
        given:
        def doomed = new RedisServer()
        def cut = instance(['execgate.idempotency.redis-uri': doomed.uri, 'execgate.idempotency.redis-timeout': '1s'])
        skyvern.clear().answerAfter(800, 200, fixture('skyvern', 'retry-200.json'))
        def pool = Executors.newSingleThreadExecutor()

        when:
        def pending = pool.submit({ retry(cut, 'wr_123', [('Idempotency-Key'): 'redis-lost']) } as Callable)
        skyvern.awaitRequest(5)
        doomed.close()
        def answer = pending.get(20, TimeUnit.SECONDS)

        then:
        answer.status == 202
        answer.json.id == 'wr_124'
        skyvern.requests.size() == 1

        cleanup:
        pool?.shutdownNow()
        cut?.close()
        doomed?.close()
    }

    private EmbeddedServer instance(Map<String, Object> extra = [:]) {
        io.execgate.gateway.support.TestTraffic.secrets([CLIENT_KEY, 'sk-redis-Secret-0009'])
        ApplicationContext.run(EmbeddedServer, [
                'micronaut.server.port'             : -1,
                'execgate.clients.ci.api-key'       : CLIENT_KEY,
                'execgate.vendors.skyvern.url'      : skyvern.url,
                'execgate.vendors.skyvern.api-key'  : 'sk-redis-Secret-0009',
                'execgate.vendors.skyvern.read-timeout': '2s',
                'execgate.idempotency.redis-uri'    : redis.uri] + extra)
    }

    private static RawHttp.Answer retry(EmbeddedServer gateway, String id, Map<String, String> headers) {
        new RawHttp(gateway.port).send('POST', "/v1/executions/skyvern/$id/retry",
                [Authorization: "Bearer $CLIENT_KEY".toString()] + headers)
    }
}
