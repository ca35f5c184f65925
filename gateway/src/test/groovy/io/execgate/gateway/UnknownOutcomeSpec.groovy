package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Issue
import spock.lang.Narrative
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * A retry POST that may have reached the vendor is never sent again: when the gateway cannot know
 * what happened, it says so ({@code outcome: UNKNOWN}) instead of guessing or re-sending.
 */
@Narrative('Sent twice, a customer workflow runs twice: exactly one vendor call per accepted request.')
class UnknownOutcomeSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    @Issue('unified-api.md: vendor did not answer within the read timeout')
    def "#vendor silent past the read timeout: 504 UPSTREAM_TIMEOUT after exactly one call"() {
        given: 'the read timeout is 2s; the vendor hangs for 4s'
        gateway.vendor(vendor).hang(4_000)

        when:
        def answer = gateway.retry(vendor, id)

        then:
        answer.status == 504
        answer.json.code == 'UPSTREAM_TIMEOUT'
        answer.json.outcome == 'UNKNOWN'
        answer.json.retryable == false

        and: 'by the time the vendor has answered a later call, it has seen this one exactly once'
        callsUpToMarker(vendor, id, marker, 200, answering) == [id, marker]

        where:
        vendor    | id       | marker   | answering
        'skyvern' | 'wr_1'   | 'wr_2'   | 'retry-200.json'
        'kaizen'  | 'exec_1' | 'exec_2' | 'retry-200-flat.json'
    }

    def "connection #fault after the request was read: 502 UPSTREAM_ERROR, one call, never re-sent"() {
        given:
        fault == 'reset' ? gateway.vendor('kinetic').resetConnection() : gateway.vendor('kinetic').closeConnection()

        when:
        def answer = gateway.retry('kinetic', 'ex-1')

        then:
        answer.status == 502
        answer.json.code == 'UPSTREAM_ERROR'
        answer.json.outcome == 'UNKNOWN'
        answer.json.retryable == false

        and: 'by the time the vendor has answered a later call, it has seen this one exactly once'
        callsUpToMarker('kinetic', 'ex-1', 'ex-2', 201, 'retry-201.json') == ['ex-1', 'ex-2']

        where:
        fault << ['reset', 'closed']
    }

    def "a vendor nobody listens for: 503 UPSTREAM_UNAVAILABLE, NOT_SENT, safe to send again"() {
        given: 'a port with no listener'
        int closedPort = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
        def refused = new Gateway(['execgate.vendors.skyvern.url': "http://127.0.0.1:$closedPort".toString()])

        when:
        def answer = refused.retry('skyvern', 'wr_1')

        then:
        answer.status == 503
        answer.json.code == 'UPSTREAM_UNAVAILABLE'
        answer.json.outcome == 'NOT_SENT'
        answer.json.retryable == true

        and: 'no vendor answered, so no vendor member: a client tells this from a vendor that said nothing ("")'
        !answer.json.containsKey('vendor') && !answer.json.containsKey('vendorHttpStatus') && !answer.json.containsKey('vendorError')

        cleanup:
        refused?.close()
    }

    /**
     * Which execution each call to {@code vendor} was for ({@code id} or {@code markerId}, found in the
     * target or the body; any other call as its request line), read after a marker: a retry for
     * {@code markerId}, answered with {@code status} and the fixture, sent through the same gateway and
     * vendor client once the call under test was answered. The marker's answer is the signal that ends
     * the wait, not a sleep a slow machine can outlast; a re-send shows up as a second {@code id}.
     */
    private List<String> callsUpToMarker(String vendor, String id, String markerId, int status, String answering) {
        gateway.vendor(vendor).answer(status, fixture(vendor, answering))
        assert gateway.retry(vendor, markerId).status == 202: 'the marker call was not accepted'
        gateway.vendor(vendor).requests.collect { r ->
            [id, markerId].find { r.target.contains(it) || r.text.contains(it) } ?: r.requestLine
        }
    }
}
