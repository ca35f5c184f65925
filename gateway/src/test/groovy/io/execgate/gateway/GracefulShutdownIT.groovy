package io.execgate.gateway

import io.execgate.gateway.support.FakeVendor
import io.execgate.gateway.support.Launched
import io.execgate.gateway.support.RawHttp
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static io.execgate.gateway.support.Gateway.fixture

/** SIGTERM stops new work, lets a retry already at the vendor finish, then the process exits. */
class GracefulShutdownIT extends Specification {
    static final String JAR = System.getProperty('execgate.jar')

    /** Slow enough that the listener closes (the first thing SIGTERM does) long before the vendor answers. */
    @AutoCleanup('close') FakeVendor skyvern = new FakeVendor().answerAfter(3_000, 200, fixture('skyvern', 'retry-200.json'))

    def "a retry in flight when SIGTERM arrives still gets its 202, and the process then exits"() {
        given:
        int port = Launched.freePort()
        def gateway = new ProcessBuilder(System.getProperty('java.home') + '/bin/java',
                "-Dmicronaut.server.port=$port", '-Dexecgate.clients.ci.api-key=shutdown-client-key',
                "-Dexecgate.vendors.skyvern.url=${skyvern.url}", '-Dexecgate.vendors.skyvern.api-key=shutdown-vendor-key',
                '-jar', JAR).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start()
        def http = new RawHttp(port)
        http.awaitHealth(60)
        def pool = Executors.newSingleThreadExecutor()

        when:
        def inFlight = pool.submit({
            http.send('POST', '/v1/executions/skyvern/wr_123/retry', [Authorization: 'Bearer shutdown-client-key'])
        } as Callable)
        skyvern.awaitRequest(10)
        gateway.destroy() // SIGTERM
        boolean refusedNew = awaitRefusal(port, 10)
        boolean refusedWhileInFlight = refusedNew && !inFlight.done
        def answer = inFlight.get(20, TimeUnit.SECONDS)
        boolean exited = gateway.waitFor(20, TimeUnit.SECONDS)

        then:
        answer.status == 202
        answer.json.id == 'wr_124'
        refusedNew
        refusedWhileInFlight
        exited
        skyvern.requests.size() == 1

        cleanup:
        pool?.shutdownNow()
        gateway?.destroyForcibly()
    }

    /** Polls (bounded) until the port no longer takes new work; whether it came to that in time. */
    private static boolean awaitRefusal(int port, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (System.nanoTime() < deadline) {
            if (refuses(port)) {
                return true
            }
            Thread.sleep(20)
        }
        false
    }

    private static boolean refuses(int port) {
        try {
            new RawHttp(port).send('GET', '/health')
            return false
        } catch (IOException refused) {
            return true
        }
    }
}
