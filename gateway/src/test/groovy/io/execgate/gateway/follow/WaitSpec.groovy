package io.execgate.gateway.follow

import io.execgate.gateway.support.FollowFixture
import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.TimeUnit

/**
 * {@code Prefer: wait=<s>} (RFC 7240) on retry and read: the gateway follows the execution through the vendor's
 * read operation until it ends or the wait is over (unified-api.md, "Follow-through"). Every vendor with a read
 * operation is followed from its own {@code follow.yaml}.
 */
class WaitSpec extends Specification {
    static final Map<String, String> WAIT_10 = [Prefer: 'wait=10']

    @Shared @AutoCleanup Gateway gateway = new Gateway(['execgate.follow.max-wait': '20s'])

    def setup() { gateway.clearVendors() }

    def "every vendor with a read operation has a follow fixture, and no other vendor has one"() {
        expect:
        FollowFixture.followable() == gateway.get('/v1/vendors').json.findAll { 'get' in it.operations }*.name
    }

    def "#vendor: a retry that ends within the wait is answered 200 with the final execution"() {
        given:
        def follow = new FollowFixture(vendor).script(gateway.vendor(vendor), ['running', 'running', 'finished'])

        when:
        def answer = gateway.retry(vendor, follow.retryId, null, WAIT_10)

        then: 'three reads, each the read of the execution the retry made'
        follow.reads(gateway.vendor(vendor)).size() == 3
        gateway.vendor(vendor).requests.size() == 4
        answer.status == 200
        answer.header('Preference-Applied') == 'wait=10'
        answer.json.status == follow.finishedStatus
        answer.json.retriedId == follow.retryId
        answer.header('Location') == "/v1/executions/$vendor/${answer.json.id}"

        where:
        vendor << FollowFixture.followable()
    }

    def "#vendor: a retry still running when the wait is over is answered 202 with the latest execution"() {
        given:
        def follow = new FollowFixture(vendor).script(gateway.vendor(vendor), ['running'])

        when:
        def answer = gateway.retry(vendor, follow.retryId, null, [Prefer: 'wait=1'])

        then:
        answer.status == 202
        answer.header('Preference-Applied') == 'wait=1'
        answer.json.status == 'RUNNING'
        answer.json.retriedId == follow.retryId
        follow.reads(gateway.vendor(vendor)).size() >= 1

        where:
        vendor << FollowFixture.followable()
    }

    def "#vendor: a read with Prefer: wait answers 200 once the execution ended"() {
        given:
        def follow = new FollowFixture(vendor).script(gateway.vendor(vendor), ['running', 'finished'])
        String id = follow.fixture.read.requestLine.tokenize(' /').last() == 'get' ? 'exec_new_42'
                : follow.fixture.read.requestLine.tokenize(' /').last()

        when:
        def answer = gateway.get("/v1/executions/$vendor/$id", [Authorization: "Bearer $Gateway.CLIENT_KEY".toString()] + WAIT_10)

        then:
        answer.status == 200
        answer.header('Preference-Applied') == 'wait=10'
        answer.json.status == follow.finishedStatus
        follow.reads(gateway.vendor(vendor)).size() == 2

        where:
        vendor << FollowFixture.followable()
    }

    def "a vendor 429 during the wait is waited out for as long as its Retry-After says"() {
        given:
        def follow = new FollowFixture('skyvern').script(gateway.vendor('skyvern'),
                [[status: 429, body: '{"detail":"slow down"}', headers: ['Content-Type': 'application/json', 'Retry-After': '2']],
                 'finished'])

        when:
        def answer = gateway.retry('skyvern', follow.retryId, null, WAIT_10)

        then:
        answer.status == 200
        def reads = follow.reads(gateway.vendor('skyvern'))
        reads.size() == 2
        TimeUnit.NANOSECONDS.toMillis(reads[1].arrivedNanos - reads[0].arrivedNanos) >= 2000
    }

    def "a read that fails during the wait ends it with the latest execution: an accepted retry is never an error"() {
        given:
        def follow = new FollowFixture('skyvern').script(gateway.vendor('skyvern'),
                [[status: 500, body: '<html>proxy error</html>', headers: ['Content-Type': 'text/html']]])

        when:
        def answer = gateway.retry('skyvern', follow.retryId, null, WAIT_10)

        then: 'the retry answer itself (queued), after the one failed read'
        answer.status == 202
        answer.header('Preference-Applied') == 'wait=10'
        answer.json.status == 'QUEUED'
        answer.json.id == 'wr_124'
        follow.reads(gateway.vendor('skyvern')).size() == 1
    }

    def "the wait ends when it is over, even while a read is still on its way"() {
        given: 'the read would say the run completed, but only once the test lets it answer'
        def gate = new java.util.concurrent.CountDownLatch(1)
        def follow = new FollowFixture('skyvern')
        follow.script(gateway.vendor('skyvern'), [[status : 200, body: follow.readAnswer('completed'), until: gate, maxSeconds: 20,
                                                   headers: ['Content-Type': 'application/json']]])

        when:
        def answer = gateway.retry('skyvern', follow.retryId, null, [Prefer: 'wait=1'])

        then: 'answered with the retry itself while the read is held'
        answer.status == 202
        answer.json.status == 'QUEUED'
        gate.count == 1

        cleanup:
        gate.countDown()
    }

    def "a vendor without a read operation ignores the preference: 202 at once, no Preference-Applied, one call"() {
        given:
        gateway.vendor('kinetic').answer(201, Gateway.fixture('kinetic', 'retry-201.json'))

        when:
        def answer = gateway.retry('kinetic', 'ex-1', null, WAIT_10)

        then:
        answer.status == 202
        answer.header('Preference-Applied') == null
        gateway.vendor('kinetic').requests.size() == 1
    }

    def "a wait longer than execgate.follow.max-wait is cut to it"() {
        given:
        new FollowFixture('skyvern').script(gateway.vendor('skyvern'), ['finished'])

        when:
        def answer = gateway.retry('skyvern', 'wr_123', null, [Prefer: 'respond-async, wait=3600'])

        then:
        answer.status == 200
        answer.header('Preference-Applied') == 'wait=20'
    }

    def "Prefer: #prefer is a 400 before any vendor call"() {
        when:
        def answer = gateway.retry('skyvern', 'wr_123', null, [Prefer: prefer])

        then:
        answer.status == 400
        answer.json.code == 'INVALID_REQUEST'
        answer.json.errors == [[location: 'header.Prefer', message: 'wait must be a whole number of seconds, e.g. Prefer: wait=30']]
        gateway.vendorCalls == 0

        where:
        prefer << ['wait=abc', 'wait=-1', 'wait=1.5', 'wait=']
    }

    def "with an Idempotency-Key the final answer is the one kept and replayed"() {
        given:
        def follow = new FollowFixture('skyvern').script(gateway.vendor('skyvern'), ['running', 'finished'])
        def headers = WAIT_10 + ['Idempotency-Key': 'wait-replay-1']

        when:
        def first = gateway.retry('skyvern', follow.retryId, null, headers)
        def second = gateway.retry('skyvern', follow.retryId, null, headers)

        then:
        first.status == 200
        second.status == 200
        second.body == first.body
        second.header('Idempotent-Replayed') == 'true'
        second.header('Preference-Applied') == 'wait=10'
        gateway.vendor('skyvern').requests.size() == 3
    }

    def "a client that hangs up ends the reads made for it, while another client's wait goes on"() {
        given: 'skyvern and n8n both stay running'
        def hungUp = new FollowFixture('skyvern').script(gateway.vendor('skyvern'), ['running'])
        def control = new FollowFixture('n8n').script(gateway.vendor('n8n'), ['running'])
        def waiting = Thread.start { gateway.retry('n8n', control.retryId, null, [Prefer: 'wait=10']) }
        Socket socket = new Socket('127.0.0.1', gateway.server.port)

        when: 'a raw client asks for a long wait, and goes once the first read was made for it'
        socket.outputStream.write(("POST /v1/executions/skyvern/wr_123/retry HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                "Authorization: Bearer $Gateway.CLIENT_KEY\r\nPrefer: wait=30\r\nContent-Length: 0\r\n\r\n").bytes)
        socket.outputStream.flush()
        awaitReads(hungUp, 'skyvern', 1)
        socket.close()
        waiting.join(20_000)

        then: 'the other wait read on (three more reads over its 10 s), while the hung-up one made no read after the first'
        !waiting.alive
        control.reads(gateway.vendor('n8n')).size() >= 4
        hungUp.reads(gateway.vendor('skyvern')).size() == 1
    }

    def "200 waits at once on a server with 2 worker threads: none holds a thread, all are answered"() {
        given:
        Gateway small = new Gateway(['micronaut.server.netty.worker.threads': 2, 'execgate.vendors.skyvern.max-concurrent-calls': 256])
        new FollowFixture('skyvern').script(small.vendor('skyvern'), ['running'])
        def pool = java.util.concurrent.Executors.newFixedThreadPool(200)

        when:
        def answers = (1..200).collect { pool.submit({ small.http.send('POST', '/v1/executions/skyvern/wr_123/retry',
                [Authorization: "Bearer $Gateway.CLIENT_KEY".toString(), Prefer: 'wait=3']) } as java.util.concurrent.Callable) }
                .collect { it.get(60, TimeUnit.SECONDS) }

        then: 'held threads would have served two waits at a time: 100 rounds of 3 s'
        answers*.status.unique() == [202]
        answers.every { it.header('Preference-Applied') == 'wait=3' }

        cleanup:
        pool?.shutdownNow()
        small?.close()
    }

    private void awaitReads(FollowFixture follow, String vendor, int wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
        while (follow.reads(gateway.vendor(vendor)).size() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(10)
        }
        assert follow.reads(gateway.vendor(vendor)).size() >= wanted
    }
}
