package io.execgate.gateway.idempotency

import io.lettuce.core.api.StatefulRedisConnection
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import java.util.function.Supplier

/**
 * How keyed retries get their Redis connection without waiting for it: one attempt at a time,
 * shared by the retries that arrive meanwhile, bounded by {@code redis-timeout}, tried again after
 * it failed. Each attempt here is a future the test completes by hand.
 */
class RedisConnectorSpec extends Specification {
    List<CompletableFuture<StatefulRedisConnection<String, String>>> attempts = []
    RedisConnector connector = new RedisConnector({ ->
        def attempt = new CompletableFuture<StatefulRedisConnection<String, String>>()
        attempts << attempt
        attempt
    } as Supplier, Duration.ofMillis(300))

    def "retries that arrive while the connection is being made wait on the same attempt"() {
        given:
        def connection = Stub(StatefulRedisConnection)

        when:
        def first = connector.connection()
        def second = connector.connection()

        then:
        attempts.size() == 1
        first.is(second)
        !first.done

        when:
        attempts[0].complete(connection)

        then:
        first.join().is(connection)
        connector.connection().join().is(connection)
        attempts.size() == 1
    }

    def "after a failed attempt the next retry tries again"() {
        given:
        def failed = connector.connection()
        attempts[0].completeExceptionally(new IOException('refused'))

        when:
        def next = connector.connection()

        then:
        failed.completedExceptionally
        attempts.size() == 2
        !next.done
    }

    def "an attempt not done within the timeout fails, and a connection that comes after is closed"() {
        given:
        def late = Mock(StatefulRedisConnection)
        def attempt = connector.connection()

        when:
        attempt.get(10, TimeUnit.SECONDS)

        then:
        def timedOut = thrown(ExecutionException)
        timedOut.cause instanceof TimeoutException

        when:
        attempts[0].complete(late)

        then:
        1 * late.closeAsync()
        connector.connection() != attempt
        attempts.size() == 2
    }

    def "a client that cannot even start an attempt fails it, and is asked again next time"() {
        given:
        int asked = 0
        def refusing = new RedisConnector({ -> asked++; throw new IllegalStateException('no client') } as Supplier,
                Duration.ofSeconds(1))

        when:
        def first = refusing.connection()
        def second = refusing.connection()

        then:
        first.completedExceptionally
        second.completedExceptionally
        asked == 2
    }
}
