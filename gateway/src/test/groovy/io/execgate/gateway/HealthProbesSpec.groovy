package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.RedisServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * {@code /health/liveness} and {@code /health/readiness} for orchestrators: no key, no vendor call,
 * and readiness follows what keyed retries need (the idempotency store), not the vendors' circuits.
 */
class HealthProbesSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def "liveness is UP and checks nothing"() {
        when:
        def answer = gateway.get('/health/liveness', [:])

        then:
        answer.status == 200
        answer.json == [status: 'UP']
        gateway.vendorCalls == 0
    }

    def "readiness with the in-process store is UP"() {
        when:
        def answer = gateway.get('/health/readiness', [:])

        then:
        answer.status == 200
        answer.json == [status: 'UP', checks: [idempotencyStore: 'UP']]
        gateway.vendorCalls == 0
    }

    def "with Redis, readiness follows Redis: UP while it answers, 503 DOWN once it is gone, while liveness stays UP"() {
        given:
        def redis = new RedisServer()
        def shared = new Gateway(['execgate.idempotency.redis-uri': redis.uri, 'execgate.idempotency.redis-timeout': '1s'])

        expect:
        shared.get('/health/readiness', [:]).json == [status: 'UP', checks: [idempotencyStore: 'UP']]

        when:
        redis.close()
        def readiness = shared.get('/health/readiness', [:])

        then:
        readiness.status == 503
        readiness.json == [status: 'DOWN', checks: [idempotencyStore: 'DOWN']]
        shared.get('/health/liveness', [:]).status == 200

        cleanup:
        shared?.close()
        redis?.close()
    }
}
