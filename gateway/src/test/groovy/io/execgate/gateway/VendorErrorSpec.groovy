package io.execgate.gateway

import groovy.json.JsonSlurper
import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * Every vendor answer that is not a success, mapped onto the contract's error table: one vendor
 * call, a problem document with the vendor's own words in {@code vendorError}, and never a crash.
 * Each vendor's rows are its fixture {@code vendors/<vendor>/retry-errors.yaml}; a vendor without it fails by name.
 */
class VendorErrorSpec extends Specification {
    static final String FIXTURE = 'retry-errors.yaml'

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "#vendor answering #vendorStatus #shown is #status #code"() {
        given:
        gateway.vendor(vendor).answer(vendorStatus, body)

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then: 'one vendor call and the contract row'
        gateway.vendor(vendor).requests.size() == 1
        answer.status == status
        answer.header('Content-Type') == 'application/problem+json'
        answer.json.code == code
        answer.json.retryable == retryable
        answer.json.outcome == outcome
        answer.json.status == status

        and: 'the vendor is named with its status and its own words'
        answer.json.vendor == vendor
        answer.json.vendorHttpStatus == vendorStatus
        answer.json.vendorError == vendorError

        and: 'where the row lists them, the errors the problem lists'
        errors == null || answer.json.errors == errors

        where: "each vendor's rows are its fixture vendors/<vendor>/retry-errors.yaml"
        [vendor, vendorStatus, body, shown, status, code, retryable, outcome, vendorError, errors] << Gateway.VENDORS.collectMany { vendor ->
            rows(vendor).collect { row ->
                String body = row.bodyFile ? (row.set ? fixture(vendor, row.bodyFile as String, row.set as Map)
                        : fixture(vendor, row.bodyFile as String)) : row.body
                [vendor, row.vendorStatus, body, row.about ?: body, row.status, row.code, row.retryable, row.outcome,
                 row.vendorErrorIsBody ? new JsonSlurper().parseText(body) : row.vendorError, row.errors]
            }
        }
    }

    def "#vendor has rows of the error table to run, each with the vendor's answer and the problem it becomes"() {
        expect: 'a vendor without the fixture fails here, by name'
        !rows(vendor).isEmpty()

        where:
        vendor << Gateway.VENDORS
    }

    def "#vendor 429 is RATE_LIMITED and passes the vendor's Retry-After on"() {
        given:
        gateway.vendor(vendor).answer(429, '{"error":{"code":"RATE_LIMITED","message":"slow down"}}', ['Retry-After': '17'])

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.status == 429
        answer.header('Retry-After') == '17'
        answer.json.code == 'RATE_LIMITED'
        answer.json.retryable == true
        answer.json.outcome == 'REJECTED'

        where:
        vendor << Gateway.VENDORS
    }

    def "#vendor: a redirect is never followed: the key and the POST stay with the vendor"() {
        given: 'a redirect to where another vendor listens'
        def elsewhere = gateway.vendor(Gateway.VENDORS.find { it != vendor })
        gateway.vendor(vendor).answerRaw(307, '', [Location: "${elsewhere.url}/stolen".toString()])

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.status == 502
        answer.json.code == 'UPSTREAM_ERROR'
        gateway.vendor(vendor).requests.size() == 1
        elsewhere.requests.isEmpty()

        where:
        vendor << Gateway.VENDORS
    }

    def "#vendor: a #what success answer is UPSTREAM_ERROR (outcome UNKNOWN) carrying the vendor's words"() {
        given: "the vendor's success status, with a body that is not its documented answer"
        int success = Gateway.acceptedRetryFile(vendor)[0] as int
        gateway.vendor(vendor).answerRaw(success, body, ['Content-Type': contentType])

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.status == 502
        answer.json.code == 'UPSTREAM_ERROR'
        answer.json.outcome == 'UNKNOWN'
        answer.json.vendorHttpStatus == success
        answer.json.vendorError == vendorError

        where: "answers no vendor documents; a vendor's own near misses (a wrong type, a bad date) are rows of its retry-errors.yaml"
        [vendor, what, contentType, body, vendorError] << Gateway.VENDORS.collectMany { vendor ->
            [['empty', 'application/json', '', ''],
             ['JSON number', 'application/json', '42', '42'],
             ['HTML', 'text/html', '<html>maintenance</html>', '<html>maintenance</html>'],
             ['JSON array', 'application/json', '[1,2]', [1, 2]]].collect { [vendor] + it }
        }
    }

    def "#vendor: a vendor that answered #what without a body is vendorError \"\", told apart from no answer at all"() {
        given:
        gateway.vendor(vendor).answerRaw(vendorStatus == 0 ? Gateway.acceptedRetryFile(vendor)[0] as int : vendorStatus, '', headers)

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        gateway.vendor(vendor).requests.size() == 1
        answer.status == 502
        answer.json.vendor == vendor
        answer.json.vendorHttpStatus == (vendorStatus == 0 ? Gateway.acceptedRetryFile(vendor)[0] : vendorStatus)
        answer.json.containsKey('vendorError')
        answer.json.vendorError == ''

        where: 'its 2xx is the status of its accepted retry (vendorStatus 0 below)'
        [vendor, what, vendorStatus, headers] << Gateway.VENDORS.collectMany { vendor ->
            [['its 2xx', 0, ['Content-Type': 'application/json']],
             ['a 500', 500, [:]],
             ['a redirect', 307, [Location: 'http://127.0.0.1:9/elsewhere']]].collect { [vendor] + it }
        }
    }

    def "#vendor: a long non-JSON vendor body is cut to 2 KB"() {
        given:
        gateway.vendor(vendor).answerRaw(500, 'x' * 5000, ['Content-Type': 'text/plain'])

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.json.vendorError == 'x' * 2048

        where:
        vendor << Gateway.VENDORS
    }

    def "#vendor: a vendor that echoes the gateway's key back never gets it to the caller"() {
        given: "an answer with the vendor's own key and another vendor's"
        String other = Gateway.VENDORS.find { it != vendor }
        gateway.vendor(vendor).answer(500, [error: "Unexpected error: bad key ${Gateway.VENDOR_KEYS[vendor]} for ${Gateway.VENDOR_KEYS[other]}".toString()])

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.json.vendorError == [error: 'Unexpected error: bad key *** for ***']
        Gateway.VENDOR_KEYS.values().every { !answer.body.contains(it) }

        where:
        vendor << Gateway.VENDORS
    }

    private static List<Map> rows(String vendor) {
        List<Map> rows = Gateway.vendorFixture(vendor, FIXTURE, 'rows of the error table').rows as List<Map>
        assert rows: "vendors/$vendor/$FIXTURE has no rows"
        rows.eachWithIndex { Map row, int i ->
            ['vendorStatus', 'status', 'code', 'retryable', 'outcome'].each { part ->
                assert row.containsKey(part): "vendors/$vendor/$FIXTURE row ${i + 1} has no '$part'"
            }
            assert row.containsKey('vendorError') != (row.vendorErrorIsBody == true):
                    "vendors/$vendor/$FIXTURE row ${i + 1} needs one of vendorError, vendorErrorIsBody: true"
            assert row.containsKey('body') != row.containsKey('bodyFile'): "vendors/$vendor/$FIXTURE row ${i + 1} needs one of body, bodyFile"
        }
        rows
    }
}
