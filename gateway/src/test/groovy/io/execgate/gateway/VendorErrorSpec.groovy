package io.execgate.gateway

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

    def "#vendor answering #vendorStatus #body is #status #code"() {
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
        [vendor, vendorStatus, body, status, code, retryable, outcome, vendorError, errors] << Gateway.VENDORS.collectMany { vendor ->
            rows(vendor).collect { row ->
                [vendor, row.vendorStatus, row.bodyFile ? fixture(vendor, row.bodyFile as String) : row.body,
                 row.status, row.code, row.retryable, row.outcome, row.vendorError, row.errors]
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

    def "a redirect is never followed: the key and the POST stay with the vendor"() {
        given:
        def elsewhere = gateway.vendor('kaizen')
        gateway.vendor('skyvern').answerRaw(307, '', [Location: "${elsewhere.url}/stolen".toString()])

        when:
        def answer = gateway.retry('skyvern', 'wr_1')

        then:
        answer.status == 502
        answer.json.code == 'UPSTREAM_ERROR'
        gateway.vendor('skyvern').requests.size() == 1
        elsewhere.requests.isEmpty()
    }

    def "a #what success answer is UPSTREAM_ERROR (outcome UNKNOWN) carrying the vendor's words"() {
        given:
        gateway.vendor('skyvern').answerRaw(200, body, ['Content-Type': contentType])

        when:
        def answer = gateway.retry('skyvern', 'wr_1')

        then:
        answer.status == 502
        answer.json.code == 'UPSTREAM_ERROR'
        answer.json.outcome == 'UNKNOWN'
        answer.json.vendorHttpStatus == 200
        answer.json.vendorError == vendorError

        where:
        what                  | contentType        | body                                                             || vendorError
        'empty'               | 'application/json' | ''                                                               || ''
        'JSON number'         | 'application/json' | '42'                                                             || '42'
        'HTML'                | 'text/html'        | '<html>maintenance</html>'                                       || '<html>maintenance</html>'
        'JSON array'          | 'application/json' | '[1,2]'                                                          || [1, 2]
        'required-less'       | 'application/json' | '{"status":"queued"}'                                            || [status: 'queued']
        'wrongly typed'       | 'application/json' | fixture('skyvern', 'retry-200.json', [created_at: [1, 2]])      || new groovy.json.JsonSlurper().parseText(fixture('skyvern', 'retry-200.json', [created_at: [1, 2]]))
        'bad date'            | 'application/json' | fixture('skyvern', 'retry-200.json', [created_at: 'yesterday']) || new groovy.json.JsonSlurper().parseText(fixture('skyvern', 'retry-200.json', [created_at: 'yesterday']))
    }

    def "a vendor that answered #what without a body is vendorError \"\", told apart from no answer at all"() {
        given:
        gateway.vendor('kinetic').answerRaw(vendorStatus, '', headers)

        when:
        def answer = gateway.retry('kinetic', 'ex-1')

        then:
        gateway.vendor('kinetic').requests.size() == 1
        answer.status == 502
        answer.json.vendor == 'kinetic'
        answer.json.vendorHttpStatus == vendorStatus
        answer.json.containsKey('vendorError')
        answer.json.vendorError == ''

        where:
        what         | vendorStatus | headers
        'its 2xx'    | 201          | ['Content-Type': 'application/json']
        'a 500'      | 500          | [:]
        'a redirect' | 307          | [Location: 'http://127.0.0.1:9/elsewhere']
    }

    def "a long non-JSON vendor body is cut to 2 KB"() {
        given:
        gateway.vendor('kinetic').answerRaw(500, 'x' * 5000, ['Content-Type': 'text/plain'])

        when:
        def answer = gateway.retry('kinetic', 'ex-1')

        then:
        answer.json.vendorError == 'x' * 2048
    }

    def "a vendor that echoes the gateway's key back never gets it to the caller"() {
        given:
        gateway.vendor('skyvern').answer(500, [error: "Unexpected error: bad key ${Gateway.VENDOR_KEYS.skyvern} for ${Gateway.VENDOR_KEYS.kaizen}".toString()])

        when:
        def answer = gateway.retry('skyvern', 'wr_1')

        then:
        answer.json.vendorError == [error: 'Unexpected error: bad key *** for ***']
        Gateway.VENDOR_KEYS.values().every { !answer.body.contains(it) }
    }

    private static List<Map> rows(String vendor) {
        List<Map> rows = Gateway.vendorFixture(vendor, FIXTURE, 'rows of the error table').rows as List<Map>
        assert rows: "vendors/$vendor/$FIXTURE has no rows"
        rows.eachWithIndex { Map row, int i ->
            ['vendorStatus', 'status', 'code', 'retryable', 'outcome', 'vendorError'].each { part ->
                assert row.containsKey(part): "vendors/$vendor/$FIXTURE row ${i + 1} has no '$part'"
            }
            assert row.containsKey('body') != row.containsKey('bodyFile'): "vendors/$vendor/$FIXTURE row ${i + 1} needs one of body, bodyFile"
        }
        rows
    }
}
