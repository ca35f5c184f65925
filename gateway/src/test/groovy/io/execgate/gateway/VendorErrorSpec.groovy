package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * Every vendor answer that is not a success, mapped onto the contract's error table: one vendor
 * call, a problem document with the vendor's own words in {@code vendorError}, and never a crash.
 */
class VendorErrorSpec extends Specification {
    static final String FASTAPI_422 = '{"detail":[{"loc":["path","execution_uuid"],"msg":"field required","type":"missing"},{"loc":["header",0],"msg":"bad","type":"x"}]}'
    static final String HTML_502 = '<html><body><h1>502 Bad Gateway</h1>nginx</body></html>'

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

        where:
        vendor    | vendorStatus | body                                                                      || status | code                      | retryable | outcome    | vendorError
        'kaizen'  | 401          | '{"message":"Unauthorized"}'                                              || 502    | 'VENDOR_AUTH_FAILED'      | false     | 'REJECTED' | [message: 'Unauthorized']
        'kaizen'  | 403          | '{"message":"Forbidden"}'                                                 || 502    | 'VENDOR_AUTH_FAILED'      | false     | 'REJECTED' | [message: 'Forbidden']
        'kaizen'  | 404          | '{"message":"Execution not found"}'                                       || 404    | 'EXECUTION_NOT_FOUND'     | false     | 'REJECTED' | [message: 'Execution not found']
        'kaizen'  | 500          | '{"message":"boom"}'                                                      || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | [message: 'boom']
        'kaizen'  | 200          | fixture('kaizen', 'retry-200-refused.json')                               || 409    | 'NOT_RETRYABLE'           | false     | 'REJECTED' | [success: false, message: 'Execution exec_41 is still running and cannot be retried']
        'kinetic' | 401          | '{"detail":"Not authenticated"}'                                          || 502    | 'VENDOR_AUTH_FAILED'      | false     | 'REJECTED' | [detail: 'Not authenticated']
        'kinetic' | 403          | '{"detail":"Invalid API key"}'                                            || 502    | 'VENDOR_AUTH_FAILED'      | false     | 'REJECTED' | [detail: 'Invalid API key']
        'kinetic' | 404          | '{"detail":"Execution not found"}'                                        || 404    | 'EXECUTION_NOT_FOUND'     | false     | 'REJECTED' | [detail: 'Execution not found']
        'kinetic' | 400          | '{"detail":"Execution is running"}'                                       || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | [detail: 'Execution is running']
        'algapsa' | 400          | '{"error":{"code":"BAD_REQUEST","message":"not failed","details":null}}'  || 409    | 'NOT_RETRYABLE'           | false     | 'REJECTED' | [error: [code: 'BAD_REQUEST', message: 'not failed', details: null]]
        'algapsa' | 401          | '{"error":{"code":"UNAUTHORIZED","message":"Invalid API key"}}'           || 502    | 'VENDOR_AUTH_FAILED'      | false     | 'REJECTED' | [error: [code: 'UNAUTHORIZED', message: 'Invalid API key']]
        'algapsa' | 403          | '{"error":{"code":"FORBIDDEN","message":"missing automation:execute"}}'   || 502    | 'VENDOR_FORBIDDEN'        | false     | 'REJECTED' | [error: [code: 'FORBIDDEN', message: 'missing automation:execute']]
        'algapsa' | 404          | '{"error":{"code":"NOT_FOUND","message":"Execution not found"}}'          || 404    | 'EXECUTION_NOT_FOUND'     | false     | 'REJECTED' | [error: [code: 'NOT_FOUND', message: 'Execution not found']]
        'algapsa' | 409          | '{"error":{"code":"CONFLICT","message":"Execution is not failed"}}'       || 409    | 'NOT_RETRYABLE'           | false     | 'REJECTED' | [error: [code: 'CONFLICT', message: 'Execution is not failed']]
        'algapsa' | 500          | '{"error":{"code":"INTERNAL_ERROR","message":"Execution not found"}}'     || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | [error: [code: 'INTERNAL_ERROR', message: 'Execution not found']]
        'skyvern' | 403          | '{"detail":"Invalid credentials"}'                                        || 502    | 'VENDOR_AUTH_FAILED'      | false     | 'REJECTED' | [detail: 'Invalid credentials']
        'skyvern' | 404          | '{"detail":"Workflow run not found"}'                                     || 404    | 'EXECUTION_NOT_FOUND'     | false     | 'REJECTED' | [detail: 'Workflow run not found']
        'skyvern' | 400          | '{"detail":"Only terminal workflow runs can be retried"}'                 || 409    | 'NOT_RETRYABLE'           | false     | 'REJECTED' | [detail: 'Only terminal workflow runs can be retried']
        'skyvern' | 500          | '{"error":"Unexpected error: db down"}'                                   || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | [error: 'Unexpected error: db down']
        'skyvern' | 502          | HTML_502                                                                  || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | HTML_502
        'skyvern' | 503          | ''                                                                        || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | ''
        'skyvern' | 307          | ''                                                                        || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | ''
        'skyvern' | 418          | 'teapot'                                                                  || 502    | 'UPSTREAM_ERROR'          | false     | 'UNKNOWN'  | 'teapot'
    }

    def "#vendor 422 is VENDOR_VALIDATION_ERROR with the vendor's detail as errors"() {
        given:
        gateway.vendor(vendor).answer(422, FASTAPI_422)

        when:
        def answer = gateway.retry(vendor, 'x-1')

        then:
        answer.status == 422
        answer.json.code == 'VENDOR_VALIDATION_ERROR'
        answer.json.outcome == 'REJECTED'
        answer.json.retryable == false
        answer.json.errors == [[location: 'path.execution_uuid', message: 'field required'], [location: 'header.0', message: 'bad']]
        answer.json.vendorError.detail.size() == 2

        where:
        vendor << ['kinetic', 'skyvern']
    }

    def "a 422 without a readable detail still lists an error"() {
        given:
        gateway.vendor('kaizen').answer(422, 'nope')

        when:
        def answer = gateway.retry('kaizen', 'x-1')

        then:
        answer.json.code == 'VENDOR_VALIDATION_ERROR'
        answer.json.errors == [[location: 'vendor', message: 'The vendor rejected the request; see vendorError.']]
        answer.json.vendorError == 'nope'
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
}
