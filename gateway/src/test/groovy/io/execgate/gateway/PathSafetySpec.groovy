package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * The caller's id is one path segment, decoded exactly once and taken literally; it reaches the
 * vendor as exactly one segment with everything outside RFC 3986 unreserved percent-encoded. An id
 * the contract rejects never costs a vendor call.
 */
class PathSafetySpec extends Specification {
    static final String UUID = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() {
        gateway.clearVendors()
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
        gateway.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json'))
    }

    def "caller's '#raw' reaches the vendor as '#sent' (retriedId '#literal')"() {
        when:
        def answer = gateway.retry('skyvern', raw)

        then:
        answer.status == 202
        answer.json.retriedId == literal
        gateway.vendor('skyvern').onlyRequest.target == "/v1/agents/runs/$sent/retry"

        where:
        raw                        || literal                  | sent
        'wr_123'                   || 'wr_123'                 | 'wr_123'
        'a%2Fb'                    || 'a/b'                    | 'a%2Fb'
        'a+b'                      || 'a+b'                    | 'a%2Bb'
        'a%2Bb'                    || 'a+b'                    | 'a%2Bb'
        'a%20b'                    || 'a b'                    | 'a%20b'
        "!\$'()*,:@"               || "!\$'()*,:@"             | '%21%24%27%28%29%2A%2C%3A%40'
        '~_-.'                     || '~_-.'                   | '~_-.'
        'a;b&c=d'                  || 'a;b&c=d'                | 'a%3Bb%26c%3Dd'
        '%C3%A9%F0%9F%98%80'       || 'é😀'                     | '%C3%A9%F0%9F%98%80'
        'a%3Fb%23c'                || 'a?b#c'                  | 'a%3Fb%23c'
        'a%25b'                    || 'a%b'                    | 'a%25b'
        '%252F'                    || '%2F'                    | '%252F'
        'wr_1%2F..%2F..%2Fv1%2Fx'  || 'wr_1/../../v1/x'        | 'wr_1%2F..%2F..%2Fv1%2Fx'
        '...'                      || '...'                    | '...'
        'x' * 256                  || 'x' * 256                | 'x' * 256
        '%F0%9F%98%80' * 256       || '😀' * 256                | '%F0%9F%98%80' * 256
    }

    def "'#raw' is rejected with 400 (#why) and zero vendor calls"() {
        when:
        def answer = gateway.retry(vendor, raw)

        then:
        answer.status == 400
        answer.header('Content-Type') == 'application/problem+json'
        answer.json.code == 'INVALID_REQUEST'
        answer.json.outcome == 'NOT_SENT'
        !answer.json.errors.isEmpty() // else the next line holds for no error at all
        answer.json.errors*.location.every { it.startsWith('path') }
        gateway.vendorCalls == 0

        where:
        vendor    | raw                                        || why
        'skyvern' | '%2E%2E'                                   || 'dot-dot'
        'skyvern' | '%2E'                                      || 'dot'
        'skyvern' | '..'                                       || 'literal dot-dot'
        'skyvern' | '%20'                                      || 'blank'
        'skyvern' | '%09%20'                                   || 'blank'
        'skyvern' | 'a%00b'                                    || 'NUL'
        'skyvern' | 'a%0Ab'                                    || 'line feed'
        'skyvern' | 'a%0D%0AX-Injected:%201'                   || 'CR LF'
        'skyvern' | 'a%7Fb'                                    || 'DEL'
        'skyvern' | 'a%C2%85b'                                 || 'C1 control'
        'skyvern' | 'x' * 257                                  || '257 characters'
        'skyvern' | '%F0%9F%98%80' * 257                       || '257 code points'
        'skyvern' | 'a%C3'                                     || 'truncated UTF-8'
        'skyvern' | 'a%FFb'                                    || 'not UTF-8'
        'skyvern' | 'a%ZZ'                                     || 'bad escape'
        'skyvern' | 'a%'                                       || 'trailing %'
        'skyvern' | 'a|b'                                      || 'raw |'
        'kinetic' | '%2E%2E'                                   || 'dot-dot at kinetic'
        'algapsa' | 'not-a-uuid'                               || 'not a UUID'
        'algapsa' | '1-1-1-1-1'                                || 'UUID.fromString would take it'
        'algapsa' | '3f2c1b0a9e8d4c7ba6f5e4d3c2b1a098'         || 'no dashes'
        'algapsa' | "{$UUID}"                                  || 'braces'
        'algapsa' | "${UUID}0"                                 || 'too long'
        'algapsa' | '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a09g'     || 'not hex'
    }

    def "a raw '#raw' in the id is turned away by the router, as a problem and with zero vendor calls"() {
        when:
        def answer = gateway.send('POST', "/v1/executions/skyvern/$raw/retry", [Authorization: "Bearer $Gateway.CLIENT_KEY".toString()])

        then:
        answer.status in [400, 404, 405]
        answer.header('Content-Type') == 'application/problem+json'
        answer.json.outcome == 'NOT_SENT'
        gateway.vendorCalls == 0

        where:
        raw << ['a/b', 'a?b', 'a#b', '', '.', 'a b']
    }

    def "the body '#body' at #vendor is rejected with 400 and zero vendor calls"() {
        when:
        def answer = gateway.retry(vendor, vendor == 'algapsa' ? UUID : 'wr_1', body)

        then:
        answer.status == 400
        answer.json.code == 'INVALID_REQUEST'
        answer.json.errors == errors
        gateway.vendorCalls == 0

        where:
        vendor    | body                              || errors
        'skyvern' | '{"maxStepsOverride":"5"}'        || [[location: 'body.maxStepsOverride', message: 'must be a JSON integer of at least 1']]
        'skyvern' | '{"maxStepsOverride":2.5}'        || [[location: 'body.maxStepsOverride', message: 'must be a JSON integer of at least 1']]
        'skyvern' | '{"maxStepsOverride":true}'       || [[location: 'body.maxStepsOverride', message: 'must be a JSON integer of at least 1']]
        'skyvern' | '{"maxStepsOverride":0}'          || [[location: 'body.maxStepsOverride', message: 'must be a JSON integer of at least 1']]
        'skyvern' | '{"maxStepsOverride":-3}'         || [[location: 'body.maxStepsOverride', message: 'must be a JSON integer of at least 1']]
        'skyvern' | '{"maxStepsOverride":99999999999}'|| [[location: 'body.maxStepsOverride', message: 'must be a JSON integer of at least 1']]
        'skyvern' | '{"maxStepsOverride":[5]}'        || [[location: 'body.maxStepsOverride', message: 'must be a JSON integer of at least 1']]
        'skyvern' | '{"maxStepOverride":5}'           || [[location: 'body.maxStepOverride', message: 'is not a known member']]
        'skyvern' | '[1]'                             || [[location: 'body', message: 'must be a JSON object']]
        'skyvern' | '"x"'                             || [[location: 'body', message: 'must be a JSON object']]
        'skyvern' | '7'                               || [[location: 'body', message: 'must be a JSON object']]
        'skyvern' | 'true'                            || [[location: 'body', message: 'must be a JSON object']]
        'skyvern' | '{"maxStepsOverride":'            || [[location: 'body', message: 'is not valid JSON']]
        'skyvern' | '{"maxStepsOverride": 5}}'        || [[location: 'body', message: 'must be exactly one JSON value; there is more after it']]
        'skyvern' | '{} []'                           || [[location: 'body', message: 'must be exactly one JSON value; there is more after it']]
        'skyvern' | '{}x'                             || [[location: 'body', message: 'must be exactly one JSON value; there is more after it']]
        'skyvern' | '{}{}'                            || [[location: 'body', message: 'must be exactly one JSON value; there is more after it']]
        'skyvern' | 'null null'                       || [[location: 'body', message: 'must be exactly one JSON value; there is more after it']]
        'skyvern' | '"abc'                            || [[location: 'body', message: 'is not valid JSON']]
        'kinetic' | '{"maxStepsOverride":5}'          || [[location: 'body.maxStepsOverride', message: 'is not supported by this vendor']]
        'algapsa' | '{"maxStepsOverride":5}'          || [[location: 'body.maxStepsOverride', message: 'is not supported by this vendor']]
        'kaizen'  | '{"maxStepsOverride":5}'          || [[location: 'body.maxStepsOverride', message: 'is not supported by this vendor']]
        'skyvern' | '{"useLatestWorkflow":true}'      || [[location: 'body.useLatestWorkflow', message: 'is not supported by this vendor']]
        'kaizen'  | '{"useLatestWorkflow":true}'      || [[location: 'body.useLatestWorkflow', message: 'is not supported by this vendor']]
        'skyvern' | '{"useLatestWorkflow":"true"}'    || [[location: 'body.useLatestWorkflow', message: 'must be JSON true or false']]
        'skyvern' | '{"useLatestWorkflow":1}'         || [[location: 'body.useLatestWorkflow', message: 'must be JSON true or false']]
        'kinetic' | '{"maxStepsOverride":5,"useLatestWorkflow":true}' || [[location: 'body.maxStepsOverride', message: 'is not supported by this vendor'],
                                                                          [location: 'body.useLatestWorkflow', message: 'is not supported by this vendor']]
    }

    def "useLatestWorkflow false is every vendor's default: accepted, and the vendor gets what no body sends"() {
        when:
        def withFalse = gateway.retry('skyvern', 'wr_1', '{"useLatestWorkflow":false}')
        def withNone = gateway.retry('skyvern', 'wr_1')

        then:
        [withFalse, withNone]*.status == [202, 202]
        def (first, second) = gateway.vendor('skyvern').requests
        [first.method, first.target, first.body] == [second.method, second.target, second.body]
        first.headers.keySet().findAll { it.toLowerCase().startsWith('x-') } == second.headers.keySet().findAll { it.toLowerCase().startsWith('x-') }
    }

    def "a body that is not JSON by its Content-Type is a 400"() {
        when:
        def answer = gateway.retry('skyvern', 'wr_1', 'maxStepsOverride=5', ['Content-Type': 'text/plain'])

        then:
        answer.status == 400
        answer.json.code == 'INVALID_REQUEST'
        gateway.vendorCalls == 0
    }
}
