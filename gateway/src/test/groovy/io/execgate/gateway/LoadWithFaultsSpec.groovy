package io.execgate.gateway

import io.execgate.gateway.support.FakeVendor
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.RawHttp
import spock.lang.AutoCleanup
import spock.lang.Narrative
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

import static io.execgate.gateway.support.Gateway.fixture

/**
 * A few thousand retries with Idempotency-Keys at high concurrency while the vendor misbehaves
 * (latency, 5xx, 429, dropped connections, timeouts): one final answer per request, at most one
 * vendor call per key, and a healthy gateway after. Bounded: seconds, 127.0.0.1 only.
 */
@Narrative('Under load and faults, a key never produces two vendor calls.')
class LoadWithFaultsSpec extends Specification {
    static final int KEYS = 600
    static final int SENDS_PER_KEY = 4
    static final int CONCURRENCY = 64

    @Shared @AutoCleanup Gateway gateway = new Gateway([
            'execgate.vendors.skyvern.read-timeout'       : '1s',
            'execgate.vendors.skyvern.max-concurrent-calls': CONCURRENCY])

    def "#total retries over #keys keys with faults: one answer each, at most one vendor call per key"() {
        given: 'the vendor misbehaves by execution id, so every send of a key meets the same vendor'
        String success = fixture('skyvern', 'retry-200.json')
        gateway.vendor('skyvern').clear().behave { FakeVendor.Recorded r ->
            int n = (r.target.find(/wr_(\d+)/) { m, id -> id } as int) % 20
            switch (n) {
                case 0: case 1: return [fault: 'hang', millis: 1_500]                        // read timeout
                case 2: case 3: return [status: 500, body: '{"error":"Unexpected error: busy"}', headers: ['Content-Type': 'application/json']]
                case 4: case 5: return [status: 429, body: '{"detail":"slow down"}', headers: ['Content-Type': 'application/json', 'Retry-After': '3']]
                case 6: return [fault: 'close']                                                  // dropped after the request
                case 7: case 8: case 9: return [status: 200, body: success, headers: ['Content-Type': 'application/json'], delay: 150]
                default: return [status: 200, body: success, headers: ['Content-Type': 'application/json']]
            }
        }
        List<Integer> order = (0..<total).collect { it % keys }.shuffled(new Random(42))
        def pool = Executors.newFixedThreadPool(CONCURRENCY)
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>()
        AtomicInteger failedExchanges = new AtomicInteger()
        long started = System.nanoTime()

        when:
        def futures = order.collect { k ->
            pool.submit({
                try {
                    def answer = new RawHttp(gateway.server.port).send('POST', "/v1/executions/skyvern/wr_$k/retry",
                            [Authorization: "Bearer ${Gateway.CLIENT_KEY}".toString(), 'Idempotency-Key': "load-$k".toString()])
                    byStatus.computeIfAbsent(answer.status) { new AtomicInteger() }.incrementAndGet()
                } catch (IOException e) {
                    failedExchanges.incrementAndGet()
                }
            } as Callable)
        }
        futures.each { it.get(60, TimeUnit.SECONDS) }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
        def calls = gateway.vendor('skyvern').requests.collect { it.target.find(/wr_(\d+)/) { m, id -> id } as int }
        def callsPerKey = calls.countBy { it }
        System.gc()
        long heapMb = (Runtime.runtime.totalMemory() - Runtime.runtime.freeMemory()).intdiv(1024 * 1024)
        println "load with faults: ${total} requests, ${keys} keys, concurrency ${CONCURRENCY}, ${seconds}s; " +
                "answers ${new TreeMap(byStatus)}; vendor calls ${calls.size()} (max ${callsPerKey.values().max()} per key); " +
                "exchange failures ${failedExchanges}; heap after GC ${heapMb} MB"

        then: 'every request got exactly one final answer'
        failedExchanges.get() == 0
        byStatus.values().sum { it.get() } == total
        byStatus.keySet().every { it in [202, 409, 429, 502, 503, 504] }

        and: 'no key produced two vendor calls'
        calls.size() <= keys
        callsPerKey.values().every { it == 1 }

        and: 'the gateway is healthy and its memory bounded'
        gateway.get('/health', [:]).status == 200
        heapMb < 512

        cleanup:
        pool?.shutdownNow()

        where:
        keys = KEYS
        total = KEYS * SENDS_PER_KEY
    }
}
