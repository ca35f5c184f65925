package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * Every non-2xx answer under /v1 is an RFC 9457 problem document with exactly the contract's
 * members, its requestId equal to the answer's X-Request-Id, and no exception text.
 */
class ProblemShapeSpec extends Specification {
    static final Set<String> CORE = ['type', 'title', 'status', 'detail', 'code', 'requestId', 'retryable', 'outcome'] as Set
    static final Map<String, String> KEY = [Authorization: "Bearer ${Gateway.CLIENT_KEY}".toString()]

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def "#method #target is #status #code"() {
        when:
        def answer = gateway.send(method, target, KEY + headers, body)

        then:
        answer.status == status
        answer.header('Content-Type') == 'application/problem+json'
        answer.json.keySet() == CORE + extra
        answer.json.code == code
        answer.json.status == status
        answer.json.type == "/problems/${code.toLowerCase().replace('_', '-')}"
        answer.json.requestId == answer.header('X-Request-Id')
        answer.json.outcome == 'NOT_SENT'
        !answer.body.contains('Exception') && !answer.body.contains('Source:')
        gateway.vendorCalls == 0

        where:
        method   | target                                     | headers                                || status | code                      | extra
        'POST'   | '/v1/nope'                                 | [:]                                    || 404    | 'NOT_FOUND'               | []
        'GET'    | '/v1/executions'                           | [:]                                    || 404    | 'NOT_FOUND'               | []
        'GET'    | '/v1/executions/skyvern/wr_1/retry'        | [:]                                    || 405    | 'METHOD_NOT_ALLOWED'      | []
        'DELETE' | '/v1/vendors'                              | [:]                                    || 405    | 'METHOD_NOT_ALLOWED'      | []
        'POST'   | '/v1/executions/acme/x/retry'              | [:]                                    || 404    | 'UNKNOWN_VENDOR'          | []
        'POST'   | '/v1/executions/Skyvern/x/retry'           | [:]                                    || 404    | 'UNKNOWN_VENDOR'          | []
        'GET'    | '/v1/executions/kinetic/ex-1'              | [:]                                    || 501    | 'OPERATION_NOT_SUPPORTED' | []
        'POST'   | '/v1/executions/skyvern/x/retry'           | ['Content-Type': 'application/json']   || 400    | 'INVALID_REQUEST'         | ['errors']
        'POST'   | '/v1/executions/skyvern/x/retry'           | ['Idempotency-Key': 'x' * 256]         || 400    | 'INVALID_REQUEST'         | ['errors']
        'POST'   | '/v1/executions/skyvern/x/retry?include=x' | [:]                                    || 400    | 'INVALID_REQUEST'         | ['errors']
        body = method == 'POST' && headers['Content-Type'] ? '{"maxStepsOverride":' : null
    }

    def "#what says what to do: #errors"() {
        when:
        def answer = gateway.send(method, target, KEY)

        then:
        answer.status == 400
        answer.json.code == 'INVALID_REQUEST'
        answer.json.errors == errors
        gateway.vendorCalls == 0

        where:
        what                           | method | target                                         || errors
        'an include nobody knows'      | 'GET'  | '/v1/executions/skyvern/wr_1?include=foo'      || [[location: 'query.include', message: 'must be vendorData']]
        'an include on a retry'        | 'POST' | '/v1/executions/skyvern/wr_1/retry?include=x'  || [[location: 'query.include', message: 'must be vendorData']]
        'a raw / in a retried id'      | 'POST' | '/v1/executions/skyvern/a/b/retry'             || [[location: 'path.executionId', message: "must be one path segment: percent-encode each '/' in it as %2F (a/b is a%2Fb)"]]
        'a raw / in a read id'         | 'GET'  | '/v1/executions/skyvern/a/b/c'                 || [[location: 'path.executionId', message: "must be one path segment: percent-encode each '/' in it as %2F (a/b is a%2Fb)"]]
    }

    def "GET / leads to the API docs, and a path nobody serves says where the API is"() {
        when:
        def root = gateway.send('GET', '/')
        def nowhere = gateway.send('GET', '/api/v1/executions')

        then:
        root.status == 303
        root.header('Location') == '/docs/'
        gateway.send('GET', root.header('Location')).body.contains('SwaggerUIBundle')
        nowhere.status == 404
        nowhere.json.detail == 'No such resource; the API is under /v1, documented at /docs/.'
    }

    def "the caller's X-Request-Id is echoed on success and on problems"() {
        when:
        def answer = gateway.send('POST', '/v1/nope', KEY + ['X-Request-Id': 'trace-abc-123'])

        then:
        answer.header('X-Request-Id') == 'trace-abc-123'
        answer.json.requestId == 'trace-abc-123'
        gateway.get('/health', ['X-Request-Id': 'h-1']).header('X-Request-Id') == 'h-1'
    }

    def "an X-Request-Id that is not safe to echo (#why) is replaced by a generated one"() {
        when:
        def answer = gateway.send('POST', '/v1/nope', KEY + ['X-Request-Id': given])

        then:
        answer.header('X-Request-Id') ==~ /[0-9a-f-]{36}/
        answer.json.requestId == answer.header('X-Request-Id')

        where:
        why        | given
        'too long' | 'r' * 201
        'non-ASCII'| 'réquest'
    }

    def "a body over the size limit is a 400 that never reaches the vendor"() {
        when:
        def answer = gateway.retry('skyvern', 'wr_1', '{"maxStepsOverride":1,"pad":"' + ('x' * 70_000) + '"}')

        then:
        answer.status == 400
        answer.json.code == 'INVALID_REQUEST'
        gateway.vendorCalls == 0
    }

    def "a caller asking for HTML still gets a problem document"() {
        when:
        def answer = gateway.send('POST', '/v1/nope', KEY + [Accept: 'text/html'])

        then:
        answer.status == 404
        answer.header('Content-Type') == 'application/problem+json'
    }

    def "HEAD on an unknown route answers without a body"() {
        expect:
        gateway.send('HEAD', '/v1/nope', KEY).status == 404
    }

    def "an idempotency key that is #why is a 400 naming the header"() {
        when:
        def answer = gateway.retry('skyvern', 'wr_1', null, ['Idempotency-Key': key])

        then:
        answer.status == 400
        answer.json.errors*.location.unique() == ['header.Idempotency-Key']
        gateway.vendorCalls == 0

        where:
        why            | key
        'empty'        | ''
        'over 255'     | 'k' * 256
        'not ASCII'    | 'clé'
    }
}
