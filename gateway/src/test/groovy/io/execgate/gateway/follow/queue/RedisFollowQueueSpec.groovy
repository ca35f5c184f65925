package io.execgate.gateway.follow.queue

import io.execgate.gateway.follow.queue.FollowQueue.Taken
import io.execgate.gateway.support.RedisServer
import io.lettuce.core.RedisClient
import io.lettuce.core.RedisURI
import io.lettuce.core.codec.StringCodec
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.BlockingQueue
import java.util.concurrent.ExecutionException
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import java.util.function.Function

/**
 * The follow queue on a real Redis, with several queues standing for several gateway instances:
 * each job is worked on by one instance at a time, survives restarts, and a dead instance's jobs are
 * taken over by another after {@code claim-after} (1 s here; the heartbeat every third of it).
 */
class RedisFollowQueueSpec extends Specification {
    static final Duration CLAIM_AFTER = Duration.ofSeconds(1)
    static final String STREAM = FollowStream.KEY
    static final String GROUP = FollowStream.GROUP

    @Shared @AutoCleanup RedisServer redis = new RedisServer()
    @Shared @AutoCleanup('shutdown') RedisClient client = RedisClient.create()

    List<RedisFollowQueue> queues = []

    def setup() {
        redis.cli('FLUSHALL')
    }

    def cleanup() {
        queues*.close()
    }

    def "100 jobs added through two instances are each handed out exactly once, and both instances get some"() {
        given: 'two instances, each handing its jobs to its own worker'
        def a = queue()
        def b = queue()
        BlockingQueue<Taken> toA = new LinkedBlockingQueue<>()
        BlockingQueue<Taken> toB = new LinkedBlockingQueue<>()
        BlockingQueue<Taken> toAny = new LinkedBlockingQueue<>()
        a.start { toA.add(it); toAny.add(it) }
        b.start { toB.add(it); toAny.add(it) }

        when: 'the jobs are added, half through each'
        (1..100).each { i -> (i % 2 ? a : b).add(watch("wr_$i")).toCompletableFuture().get(5, TimeUnit.SECONDS) }
        List<Taken> taken = (1..100).collect { toAny.poll(10, TimeUnit.SECONDS) }

        then: 'every job once: 100 distinct entries, 100 distinct executions'
        !taken.contains(null)
        taken*.id.toSet().size() == 100
        taken.collect { (it.job as FollowJob.Watch).executionId() }.toSet() == (1..100).collect { "wr_$it" as String }.toSet()
        toA.size() + toB.size() == 100
        toA.size() > 0
        toB.size() > 0
        a.held() + b.held() == 100

        and: 'Redis agrees: all 100 pending, none left to read'
        pending().size() == 100
        groupInfo('lag') == '0'
    }

    def "a replaced job comes back as the new job only, and done ends it"() {
        given:
        def a = queue()
        BlockingQueue<Taken> got = new LinkedBlockingQueue<>()
        a.start { got.add(it) }
        def first = watch('wr_1')
        def next = delivery('evt_1')
        a.add(first).toCompletableFuture().get(5, TimeUnit.SECONDS)
        Taken watching = got.poll(10, TimeUnit.SECONDS)

        when:
        a.replace(watching, next).toCompletableFuture().get(5, TimeUnit.SECONDS)
        Taken delivering = got.poll(10, TimeUnit.SECONDS)

        then: 'the new job, as a new entry; the old one is gone from the stream and from the pending list'
        watching.job == first
        delivering.job == next
        delivering.id != watching.id
        redis.cli('XRANGE', STREAM, '-', '+').readLines()[0] == delivering.id
        pending()*.id == [delivering.id]
        a.held() == 1

        when: 'the delivery is done'
        a.done(delivering).toCompletableFuture().get(5, TimeUnit.SECONDS)

        then: 'nothing left'
        redis.cli('XLEN', STREAM) == '0'
        pending().isEmpty()
        a.held() == 0

        when: 'two keeper rounds (heartbeat and takeover) later'
        long rounds = a.rounds()
        waitFor { a.rounds() >= rounds + 2 }

        then: 'neither job came back'
        got.isEmpty()
    }

    def "jobs of an instance closed without ending them (kill -9 in small) are taken over by another after claim-after"() {
        given: 'instance a holds three jobs'
        def a = queue()
        BlockingQueue<Taken> toA = new LinkedBlockingQueue<>()
        a.start { toA.add(it) }
        (1..3).each { a.add(watch("wr_$it")).toCompletableFuture().get(5, TimeUnit.SECONDS) }
        List<Taken> held = (1..3).collect { toA.poll(10, TimeUnit.SECONDS) }
        def b = queue()
        BlockingQueue<Taken> toB = new LinkedBlockingQueue<>()
        b.start { toB.add(it) }

        when: 'a goes away without a word'
        a.close()
        long closedAt = System.nanoTime()
        List<Taken> takenOver = (1..3).collect { toB.poll(10, TimeUnit.SECONDS) }
        long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt)

        then: 'b has the same three jobs, taken over only once they had been idle for claim-after'
        !held.contains(null)
        takenOver*.id.toSet() == held*.id.toSet()
        takenOver*.job.toSet() == held*.job.toSet()
        after >= CLAIM_AFTER.toMillis().intdiv(2) // not at once: a's last heartbeat was at most a beat (a third) before it closed
        b.held() == 3
        pending()*.consumer.toSet() == [b.consumer()] as Set
    }

    def "while its instance lives and heartbeats, a job is not taken over"() {
        given: 'a holds a job; b runs beside it'
        def a = queue()
        BlockingQueue<Taken> toA = new LinkedBlockingQueue<>()
        a.start { toA.add(it) }
        a.add(watch('wr_1')).toCompletableFuture().get(5, TimeUnit.SECONDS)
        Taken held = toA.poll(10, TimeUnit.SECONDS)
        def b = queue()
        BlockingQueue<Taken> toB = new LinkedBlockingQueue<>()
        b.start { toB.add(it) }

        when: 'three claim-after periods go by: nine heartbeats of a, nine takeover rounds of b'
        long aRounds = a.rounds()
        long bRounds = b.rounds()
        long maxIdle = 0
        waitFor(15) {
            maxIdle = Math.max(maxIdle, pending()[0].idle)
            a.rounds() >= aRounds + 9 && b.rounds() >= bRounds + 9
        }

        then: 'the job never went idle for claim-after, and stayed a\'s'
        held != null
        maxIdle < CLAIM_AFTER.toMillis()
        toB.isEmpty()
        b.held() == 0
        a.held() == 1
        pending()*.consumer == [a.consumer()]
    }

    def "jobs survive a restart of every instance: those read and not ended, and those never read"() {
        given: 'two instances hold four jobs between them'
        def a = queue()
        def b = queue()
        BlockingQueue<Taken> before = new LinkedBlockingQueue<>()
        a.start { before.add(it) }
        b.start { before.add(it) }
        (1..4).each { a.add(watch("wr_$it")).toCompletableFuture().get(5, TimeUnit.SECONDS) }
        List<Taken> read = (1..4).collect { before.poll(10, TimeUnit.SECONDS) }

        when: 'both stop; three more jobs are added while no instance reads'
        a.close()
        b.close()
        def adding = queue()
        (5..7).each { adding.add(delivery("evt_$it")).toCompletableFuture().get(5, TimeUnit.SECONDS) }
        adding.close()

        and: 'two new instances start'
        BlockingQueue<Taken> after = new LinkedBlockingQueue<>()
        queue().start { after.add(it) }
        queue().start { after.add(it) }
        List<Taken> taken = (1..7).collect { after.poll(10, TimeUnit.SECONDS) }

        then: 'all seven are handed out, the four read before under their old entries'
        !read.contains(null)
        !taken.contains(null)
        taken*.id.toSet().size() == 7
        taken*.id.toSet().containsAll(read*.id)
        taken*.job.toSet() == ((1..4).collect { watch("wr_$it") } + (5..7).collect { delivery("evt_$it") }).toSet()
    }

    def "an entry that is not a job is deleted and skipped, and the reader goes on"() {
        given:
        def a = queue()
        BlockingQueue<Taken> got = new LinkedBlockingQueue<>()
        a.start { got.add(it) }

        when: 'two unreadable entries, then a job'
        def junk = [redis.cli('XADD', STREAM, '*', 'kind', 'watch', 'until', 'not-a-time'),
                    redis.cli('XADD', STREAM, '*', 'colour', 'blue')]
        a.add(watch('wr_1')).toCompletableFuture().get(5, TimeUnit.SECONDS)
        Taken taken = got.poll(10, TimeUnit.SECONDS)

        then: 'the job is handed out; the junk is gone from the stream and from the pending list'
        taken.job == watch('wr_1')
        waitFor { redis.cli('XLEN', STREAM) == '1' }
        pending()*.id == [taken.id]
        !junk.contains(taken.id)
        a.held() == 1
    }

    def "an entry deleted while its instance was gone is acknowledged by the instance that takes over"() {
        given: 'a held a job, then went away; the entry was deleted meanwhile'
        def a = queue()
        BlockingQueue<Taken> toA = new LinkedBlockingQueue<>()
        a.start { toA.add(it) }
        a.add(watch('wr_1')).toCompletableFuture().get(5, TimeUnit.SECONDS)
        Taken held = toA.poll(10, TimeUnit.SECONDS)
        a.close()
        redis.cli('XDEL', STREAM, held.id)

        when:
        def b = queue()
        BlockingQueue<Taken> toB = new LinkedBlockingQueue<>()
        b.start { toB.add(it) }

        then: 'the pending entry is cleared, nothing handed out, and b keeps going'
        waitFor { pending().isEmpty() && b.rounds() >= 4 }
        toB.isEmpty()
        b.held() == 0
    }

    def "a job another instance has claimed is dropped by the heartbeat, and ending it then leaves it to that instance"() {
        given: 'a holds a job'
        def a = queue()
        BlockingQueue<Taken> got = new LinkedBlockingQueue<>()
        a.start { got.add(it) }
        a.add(watch('wr_1')).toCompletableFuture().get(5, TimeUnit.SECONDS)
        Taken held = got.poll(10, TimeUnit.SECONDS)

        when: 'another consumer claims it (as after a stall of a longer than claim-after)'
        redis.cli('XCLAIM', STREAM, GROUP, 'other', '0', held.id, 'JUSTID')

        then: 'the next heartbeat drops it from a, and does not claim it back'
        waitFor { a.held() == 0 }
        pending()*.consumer == ['other']

        when: 'a\'s worker ends it all the same'
        a.done(held).toCompletableFuture().get(5, TimeUnit.SECONDS)

        then: 'nothing is acknowledged or deleted under the other instance'
        pending()*.consumer == ['other']
        redis.cli('XLEN', STREAM) == '1'
    }

    def "while Redis does not answer, add fails within the command timeout; once it answers again, the loops go on"() {
        given:
        def a = queue(Duration.ofMillis(500))
        BlockingQueue<Taken> got = new LinkedBlockingQueue<>()
        a.start { got.add(it) }
        a.add(watch('wr_1')).toCompletableFuture().get(5, TimeUnit.SECONDS)
        assert got.poll(10, TimeUnit.SECONDS).job == watch('wr_1')

        when: 'Redis hangs'
        redis.pause()
        long start = System.nanoTime()
        a.add(watch('wr_2')).toCompletableFuture().get(5, TimeUnit.SECONDS)

        then: 'the add fails after the timeout, not after five seconds'
        thrown(ExecutionException)
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000

        when: 'Redis answers again'
        redis.resume()
        long rounds = a.rounds()
        a.add(watch('wr_3')).toCompletableFuture().get(5, TimeUnit.SECONDS)

        then: 'the new job is handed out (the one that timed out may have reached Redis, and comes too) and the keeper goes on'
        [got.poll(10, TimeUnit.SECONDS), got.poll(1, TimeUnit.SECONDS)].findAll()*.job.contains(watch('wr_3'))
        waitFor { a.rounds() >= rounds + 2 }

        cleanup:
        redis.resume()
    }

    private RedisFollowQueue queue(Duration timeout = Duration.ofSeconds(2)) {
        Function<Duration, ?> connect = { Duration commandTimeout ->
            client.connectAsync(StringCodec.UTF8, RedisURI.builder(RedisURI.create(redis.uri)).withTimeout(commandTimeout).build())
        } as Function
        def queue = new RedisFollowQueue(connect, CLAIM_AFTER, timeout)
        queues << queue
        queue
    }

    /** The group's pending entries: id, consumer, idle milliseconds. */
    private List<Map> pending() {
        redis.cli('XPENDING', STREAM, GROUP, '-', '+', '1000').readLines().findAll { it }.collate(4)
                .collect { [id: it[0], consumer: it[1], idle: it[2] as long] }
    }

    /** One field of the group's XINFO GROUPS line. */
    private String groupInfo(String field) {
        List<String> lines = redis.cli('XINFO', 'GROUPS', STREAM).readLines()
        lines[lines.indexOf(field) + 1]
    }

    /** Polls {@code condition} every 50 ms until it holds; fails after {@code seconds}. */
    private static void waitFor(int seconds = 10, Closure<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (!condition()) {
            assert System.nanoTime() < deadline: "not within ${seconds}s"
            Thread.sleep(50)
        }
    }

    private static FollowJob.Watch watch(String executionId) {
        new FollowJob.Watch('skyvern', executionId, 'wr_0', 'ci', URI.create('https://hooks.example.com/done'),
                '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', Instant.parse('2026-01-02T00:00:00Z'),
                "{\"id\":\"$executionId\"}")
    }

    private static FollowJob.Delivery delivery(String eventId) {
        new FollowJob.Delivery('ci', URI.create('https://hooks.example.com/done'), null, eventId,
                '{"type":"execution.finished"}', 0, Instant.parse('2026-01-01T00:00:00Z'), Instant.parse('2026-01-02T00:00:00Z'))
    }
}
