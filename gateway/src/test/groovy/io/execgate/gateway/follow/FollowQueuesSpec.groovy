package io.execgate.gateway.follow

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

    def "the Redis queue is closed with the gateway"() {
        given: 'a Redis that is not there: nothing connects on start'
        def context = ApplicationContext.run(GATEWAY + ['execgate.follow.redis-uri': 'redis://127.0.0.1:1'])
        def queue = context.getBean(FollowQueue)

        when:
        context.close()
        queue.add(new FollowJob.Watch('skyvern', 'wr_1', 'wr_0', 'ci', URI.create('https://hooks.example.com/done'), null,
                Instant.parse('2026-01-02T00:00:00Z'), '{}')).toCompletableFuture().get(5, TimeUnit.SECONDS)

        then:
        def failed = thrown(ExecutionException)
        failed.cause instanceof IllegalStateException
        failed.cause.message == 'the follow queue is closed'
    }
}
