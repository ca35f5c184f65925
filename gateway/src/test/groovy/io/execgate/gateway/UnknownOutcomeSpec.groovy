package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.RawHttp
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
        Map retry = acceptedRetry(vendor)
        gateway.vendor(vendor).hang(4_000)

        when:
        def answer = send(vendor, retry)

        then:
        answer.status == 504
        answer.json.code == 'UPSTREAM_TIMEOUT'
        answer.json.outcome == 'UNKNOWN'
        answer.json.retryable == false

        and: 'by the time the vendor has answered a later call, it has seen this one exactly once'
        callsUpToMarker(vendor, retry) == [retry.call.requestLine, retry.call.requestLine]

        where:
        vendor << Gateway.VENDORS
    }

    def "#vendor: connection #fault after the request was read: 502 UPSTREAM_ERROR, one call, never re-sent"() {
        given:
        Map retry = acceptedRetry(vendor)
        fault == 'reset' ? gateway.vendor(vendor).resetConnection() : gateway.vendor(vendor).closeConnection()

        when:
        def answer = send(vendor, retry)

        then:
        answer.status == 502
        answer.json.code == 'UPSTREAM_ERROR'
        answer.json.outcome == 'UNKNOWN'
        answer.json.retryable == false

        and: 'by the time the vendor has answered a later call, it has seen this one exactly once'
        callsUpToMarker(vendor, retry) == [retry.call.requestLine, retry.call.requestLine]

        where:
        [vendor, fault] << [Gateway.VENDORS, ['reset', 'closed']].combinations()
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
     * The request line of every call {@code vendor} received, read after a marker: the same retry again,
     * answered as the vendor's fixture says, sent through the same gateway and vendor client once the call
     * under test was answered. The marker's answer is the signal that ends the wait, not a sleep a slow
     * machine can outlast; a re-send of the call under test shows up as a third line.
     */
    private List<String> callsUpToMarker(String vendor, Map retry) {
        Map vendorAnswer = retry.vendorAnswer as Map
        gateway.vendor(vendor).answer(vendorAnswer.status as int, vendorAnswer.set
                ? fixture(vendor, vendorAnswer.file as String, vendorAnswer.set as Map)
                : fixture(vendor, vendorAnswer.file as String))
        assert send(vendor, retry).status == 202: 'the marker call was not accepted'
        gateway.vendor(vendor).requests*.requestLine
    }

    private RawHttp.Answer send(String vendor, Map retry) {
        Map call = retry.retry as Map
        gateway.retry(vendor, call.id as String, call.body, (call.headers ?: [:]) as Map, (call.query ?: '') as String)
    }

    /** The vendor's first accepted retry in its fixture (RetryAcceptedSpec runs them all): a call it takes. */
    private static Map acceptedRetry(String vendor) {
        List<Map> cases = Gateway.vendorFixture(vendor, RetryAcceptedSpec.FIXTURE, 'accepted retry').cases as List<Map>
        assert cases: "vendors/$vendor/${RetryAcceptedSpec.FIXTURE} has no cases"
        cases.first()
    }
}
