package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.GATEWAY_SPEC
import static io.execgate.gateway.support.Gateway.VENDOR_SPECS
import static io.execgate.gateway.support.Gateway.fixture

/**
 * The specs the other specs check against: the vendor answers the fakes serve are what the vendor
 * specs document, and the checker itself notices when something is not.
 */
class SpecConformanceSpec extends Specification {

    def "fixture #vendor/#file is a documented #status answer of #method #path"() {
        expect:
        VENDOR_SPECS[vendor].responseErrors(method, path, status, 'application/json', fixture(vendor, file)) == []

        where:
        vendor    | file                       | method | path                                                                  | status
        'kaizen'  | 'retry-200.json'    | 'POST' | '/executions/retry'                                                   | 200
        'kaizen'  | 'retry-200-flat.json'      | 'POST' | '/executions/retry'                                                   | 200
        'kaizen'  | 'retry-200-refused.json'   | 'POST' | '/executions/retry'                                                   | 200
        'kaizen'  | 'get-200.json'             | 'POST' | '/executions/get'                                                     | 200
        'kinetic' | 'retry-201.json'           | 'POST' | '/api/executions/ex-1/retry'                                          | 201
        'algapsa' | 'retry-200.json'           | 'POST' | '/api/v1/automation/executions/3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098/retry' | 200
        'skyvern' | 'retry-200.json'           | 'POST' | '/v1/agents/runs/wr_1/retry'                                          | 200
    }

    def "the checker catches #what"() {
        expect:
        !errors.isEmpty()

        where:
        what                                  | errors
        'a bogus Kinetic status (3.1 anyOf)'  | VENDOR_SPECS.kinetic.responseErrors('POST', '/api/executions/x/retry', 201, 'application/json', fixture('kinetic', 'retry-201.json', [status: 'bogus']))
        'a Skyvern run without run_id'        | VENDOR_SPECS.skyvern.responseErrors('POST', '/v1/agents/runs/x/retry', 200, 'application/json', fixture('skyvern', 'retry-200.json', [run_id: Gateway.REMOVE]))
        'a Kaizen call without its bearer key'| VENDOR_SPECS.kaizen.requestErrors('POST', '/executions/retry', ['Content-Type': 'application/json'], '{"id":"x"}')
        'a Kaizen call with a numeric id'     | VENDOR_SPECS.kaizen.requestErrors('POST', '/executions/retry', [Authorization: 'Bearer k', 'Content-Type': 'application/json'], '{"id":5}')
        'an AlgaPSA call to a non-UUID'       | VENDOR_SPECS.algapsa.requestErrors('POST', '/api/v1/automation/executions/nope/retry', ['x-api-key': 'k'], null)
        'a Skyvern x-max-steps-override "abc"'| VENDOR_SPECS.skyvern.requestErrors('POST', '/v1/agents/runs/x/retry', ['x-api-key': 'k', 'x-max-steps-override': 'abc'], null)
        'an Execution without vendorStatus'   | GATEWAY_SPEC.responseErrors('POST', '/v1/executions/skyvern/x/retry', 202, 'application/json', '{"vendor":"skyvern","id":null,"status":"QUEUED","createdAt":null,"startedAt":null,"finishedAt":null,"workflow":null,"failureReason":null,"links":{"app":null,"liveView":null,"recording":null,"output":null,"logs":null},"artifacts":[]}')
        'a status outside the canonical enum' | GATEWAY_SPEC.responseErrors('POST', '/v1/executions/skyvern/x/retry', 202, 'application/json', '{"vendor":"skyvern","id":null,"status":"queued","vendorStatus":null,"createdAt":null,"startedAt":null,"finishedAt":null,"workflow":null,"failureReason":null,"links":{"app":null,"liveView":null,"recording":null,"output":null,"logs":null},"artifacts":[]}')
        'a problem served as plain JSON'      | GATEWAY_SPEC.responseErrors('POST', '/v1/executions/skyvern/x/retry', 404, 'application/json', '{"type":"/problems/not-found","title":"Not Found","status":404,"detail":"d","code":"NOT_FOUND","requestId":"r","retryable":false,"outcome":"NOT_SENT"}')
        'a problem without outcome'           | GATEWAY_SPEC.responseErrors('POST', '/v1/executions/skyvern/x/retry', 404, 'application/problem+json', '{"type":"/problems/not-found","title":"Not Found","status":404,"detail":"d","code":"NOT_FOUND","requestId":"r","retryable":false}')
        'an undocumented status'              | GATEWAY_SPEC.responseErrors('POST', '/v1/executions/skyvern/x/retry', 418, 'application/problem+json', '{}')
    }
}
