package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Callers present a configured client key; each client may use only its vendors. */
class ClientAccessSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "#what is 401 UNAUTHENTICATED with zero vendor calls"() {
        when:
        def answer = gateway.send('POST', '/v1/executions/skyvern/wr_1/retry', headers)

        then:
        answer.status == 401
        answer.header('WWW-Authenticate') == 'Bearer'
        answer.json.requestId == answer.header('X-Request-Id')
        answer.json.code == 'UNAUTHENTICATED'
        answer.json.outcome == 'NOT_SENT'
        gateway.vendorCalls == 0

        where:
        what                 | headers
        'no key'             | [:]
        'a wrong key'        | [Authorization: 'Bearer not-a-key']
        'a key prefix'       | [Authorization: "Bearer ${Gateway.CLIENT_KEY.dropRight(1)}".toString()]
        'a vendor key'       | [Authorization: "Bearer ${Gateway.VENDOR_KEYS.skyvern}".toString()]
        'another scheme'     | [Authorization: "Basic ${Gateway.CLIENT_KEY}".toString()]
        'the key alone'      | [Authorization: Gateway.CLIENT_KEY]
    }

    def "/v1/vendors needs a key too"() {
        expect:
        gateway.get('/v1/vendors', [:]).status == 401
    }

    def "a client limited to kinetic may not use #vendor: 403 FORBIDDEN, zero vendor calls"() {
        when:
        def answer = gateway.send('POST', "/v1/executions/$vendor/3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098/retry",
                [Authorization: "Bearer ${Gateway.LIMITED_CLIENT_KEY}".toString()])

        then:
        answer.status == 403
        answer.json.code == 'FORBIDDEN'
        answer.json.outcome == 'NOT_SENT'
        gateway.vendorCalls == 0

        where:
        vendor << ['kaizen', 'algapsa', 'skyvern']
    }

    def "the limited client may use kinetic"() {
        given:
        gateway.vendor('kinetic').answer(201, Gateway.fixture('kinetic', 'retry-201.json'))

        expect:
        gateway.send('POST', '/v1/executions/kinetic/ex-1/retry',
                [Authorization: "Bearer ${Gateway.LIMITED_CLIENT_KEY}".toString()]).status == 202
    }

    def "with auth switched off no key is needed"() {
        given:
        def open = new Gateway(['execgate.auth.enabled': false])
        open.vendor('skyvern').answer(200, Gateway.fixture('skyvern', 'retry-200.json'))

        expect:
        open.http.send('POST', '/v1/executions/skyvern/wr_1/retry').status == 202

        cleanup:
        open?.close()
    }
}
