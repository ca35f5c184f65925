package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * A retry each vendor accepts: the exact call the vendor receives and the exact answer the caller gets.
 * Each vendor's cases are its fixture {@code vendors/<vendor>/retry-accepted.yaml}: the answer the vendor
 * gives (a fixture file of its folder, optionally with members set), the retry a client sends, the call the
 * vendor must receive (request line, headers, body text; a header expected {@code null} must be absent) and the
 * answer the client must get (status, headers, the whole JSON or named members of it).
 * A vendor without that file, or a case missing one of these parts, fails by name.
 */
class RetryAcceptedSpec extends Specification {
    static final String FIXTURE = 'retry-accepted.yaml'

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "#vendor: #about"() {
        given: "the vendor's answer"
        gateway.vendor(vendor).answer(vendorAnswer.status as int, vendorAnswer.set
                ? Gateway.fixture(vendor, vendorAnswer.file as String, vendorAnswer.set as Map)
                : Gateway.fixture(vendor, vendorAnswer.file as String))

        when: 'a client retries'
        def answer = gateway.retry(vendor, retry.id as String, retry.body, (retry.headers ?: [:]) as Map, (retry.query ?: '') as String)

        then: 'the vendor gets exactly its own call'
        def call = gateway.vendor(vendor).onlyRequest
        call.requestLine == expectedCall.requestLine
        headers(expectedCall) { call.header(it) } == expectedCall.headers
        call.text == expectedCall.body

        and: 'the client gets exactly the unified answer'
        answer.status == expected.status
        headers(expected) { answer.header(it) } == expected.headers
        expected.json == null || answer.json == expected.json
        members(expected) { answer.json.get(it) } == expected.members

        where:
        [vendor, about, vendorAnswer, retry, expectedCall, expected] << Gateway.VENDORS.collectMany { vendor ->
            cases(vendor).collect { [vendor, it.about, it.vendorAnswer, it.retry, it.call, it.answer] }
        }
    }

    def "#vendor has accepted retries to run, each with its vendor answer, retry, call and answer"() {
        expect: 'a vendor without the fixture fails here, by name'
        !cases(vendor).isEmpty()

        where:
        vendor << Gateway.VENDORS
    }

    /** The value of each header the expectation names, as received (null when absent). */
    private static Map headers(Map expectation, Closure<String> actual) {
        expectation.headers == null ? null : (expectation.headers as Map).collectEntries { name, value -> [(name): actual(name as String)] }
    }

    /** The value at each dot-separated member path the expectation names. */
    private static Map members(Map expectation, Closure<Object> top) {
        expectation.members == null ? null : (expectation.members as Map).collectEntries { String path, value ->
            def parts = path.split('\\.')
            [(path): parts.drop(1).inject(top(parts[0])) { node, String member -> node instanceof Map ? node[member] : null }]
        }
    }

    private static List<Map> cases(String vendor) {
        List<Map> cases = Gateway.vendorFixture(vendor, FIXTURE, 'accepted retry').cases as List<Map>
        assert cases: "vendors/$vendor/$FIXTURE has no cases"
        cases.eachWithIndex { Map c, int i ->
            ['about', 'vendorAnswer', 'retry', 'call', 'answer'].each { part ->
                assert c[part] != null: "vendors/$vendor/$FIXTURE case ${i + 1} has no '$part'"
            }
            assert c.vendorAnswer.status && c.vendorAnswer.file: "vendors/$vendor/$FIXTURE case ${i + 1}: vendorAnswer needs status and file"
            assert c.retry.id: "vendors/$vendor/$FIXTURE case ${i + 1}: retry needs id"
            assert c.call.requestLine && c.call.containsKey('body'): "vendors/$vendor/$FIXTURE case ${i + 1}: call needs requestLine and body"
            assert c.answer.status: "vendors/$vendor/$FIXTURE case ${i + 1}: answer needs status"
        }
        cases
    }
}
