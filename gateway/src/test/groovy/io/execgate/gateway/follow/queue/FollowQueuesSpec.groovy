package io.execgate.gateway.follow.queue

import io.execgate.gateway.support.RedisServer
import io.micronaut.context.ApplicationContext
import spock.lang.Specification

import java.time.Instant
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit

/**
 * Which queue the gateway uses: Redis when either Redis URI is set, else the process; and choosing
 * Redis connects to nothing until the queue is used (a Redis that is down never fails the start).
 */
class FollowQueuesSpec extends Specification {
    static final Map<String, Object> GATEWAY = ['execgate.clients.ci.api-key': 'client-follow-Secret-0001']
    static final FollowJob.Watch WATCH = new FollowJob.Watch('skyvern', 'wr_1', 'wr_0', 'ci',
            URI.create('https://hooks.example.com/done'), null, Instant.parse('2026-01-02T00:00:00Z'), '{}')

    def "#described: #type.simpleName"() {
        given:
        def context = ApplicationContext.run(GATEWAY + properties)

        expect:
        type.isInstance(context.getBean(FollowQueue))

        cleanup:
        context?.close()

        where:
        described                        | properties                                                                || type
        'no Redis'                       | [:]                                                                       || InProcessFollowQueue
        'blank Redis URIs'               | ['execgate.follow.redis-uri': ' ', 'execgate.idempotency.redis-uri': ''] || InProcessFollowQueue
        'the idempotency store\'s Redis' | ['execgate.idempotency.redis-uri': 'redis://127.0.0.1:1']                 || RedisFollowQueue
        'its own Redis'                  | ['execgate.follow.redis-uri': 'redis://127.0.0.1:1']                      || RedisFollowQueue
    }

    def "the queue the gateway makes keeps its jobs in the Redis of #described"() {
        given:
        def redis = new RedisServer()
        def context = ApplicationContext.run(GATEWAY + settings(redis.uri))
        def queue = context.getBean(FollowQueue)

        when:
        queue.add(WATCH).toCompletableFuture().get(5, TimeUnit.SECONDS)

        then: 'it went into that Redis (where the worker of the gateway may already have taken and ended it)'
        List<String> stream = redis.cli('XINFO', 'STREAM', FollowStream.KEY).readLines()
        stream[stream.indexOf('entries-added') + 1] == '1'

        cleanup:
        context?.close()
        redis?.close()

        where:
        described                                             | settings
        'execgate.follow.redis-uri'                           | { String uri -> ['execgate.follow.redis-uri': uri] }
        'execgate.idempotency.redis-uri'                      | { String uri -> ['execgate.idempotency.redis-uri': uri] }
        'execgate.follow.redis-uri, when both are set'        | { String uri -> ['execgate.follow.redis-uri': uri, 'execgate.idempotency.redis-uri': 'redis://127.0.0.1:1'] }
    }

    def "the Redis queue is closed with the gateway"() {
        given: 'a Redis that is not there: nothing connects on start'
        def context = ApplicationContext.run(GATEWAY + ['execgate.follow.redis-uri': 'redis://127.0.0.1:1'])
        def queue = context.getBean(FollowQueue)

        when:
        context.close()
        queue.add(WATCH).toCompletableFuture().get(5, TimeUnit.SECONDS)

        then:
        def failed = thrown(ExecutionException)
        failed.cause instanceof IllegalStateException
        failed.cause.message == 'the follow queue is closed'
    }
}
