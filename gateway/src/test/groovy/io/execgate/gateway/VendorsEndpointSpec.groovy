package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.execgate.gateway.support.RawHttp
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/** GET /v1/vendors and GET /health: what a caller and an orchestrator may see, and nothing secret. */
class VendorsEndpointSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def "every known vendor is listed with its operations, configured or not (#configured configured)"() {
        given: 'one vendor configured, the others not'
        def partly = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'execgate.clients.ci.api-key': 'k1',
                ("execgate.vendors.${configured}.url".toString()): 'https://configured.test',
                ("execgate.vendors.${configured}.api-key".toString()): 'kz'])

        when:
        def answer = new RawHttp(partly.port).send('GET', '/v1/vendors', [Authorization: 'Bearer k1'])

        then: "in name order, each with the operations its fixture listed.json says"
        answer.status == 200
        answer.json == Gateway.VENDORS.collect { vendor ->
            [name: vendor, configured: vendor == configured] + new groovy.json.JsonSlurper().parseText(fixture(vendor, 'listed.json'))
        }
        !answer.body.contains('configured.test') && !answer.body.contains('"kz"')

        cleanup:
        partly?.close()

        where:
        configured << [Gateway.VENDORS.first(), Gateway.VENDORS.last()]
    }

    def "an unconfigured vendor is UNKNOWN_VENDOR for retries"() {
        given:
        def partly = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'execgate.clients.ci.api-key': 'k1'])

        when:
        def answer = new RawHttp(partly.port).send('POST', '/v1/executions/skyvern/wr_1/retry', [Authorization: 'Bearer k1'])

        then:
        answer.status == 404
        answer.json.code == 'UNKNOWN_VENDOR'

        cleanup:
        partly?.close()
    }

    def "/health needs no key and calls no vendor"() {
        when:
        def answer = gateway.get('/health', [:])

        then:
        answer.status == 200
        answer.json.status == 'UP'
        gateway.vendorCalls == 0
    }
}
