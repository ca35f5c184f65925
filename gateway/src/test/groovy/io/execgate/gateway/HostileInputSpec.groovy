package io.execgate.gateway

import groovy.json.JsonOutput
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.RawHttp
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/**
 * Random and hand-picked hostile requests. Whatever a client sends: never a 5xx, never a vendor call
 * for a rejected request, never a vendor request outside that vendor's documented retry call
 * ({@link Gateway#send} checks every vendor request against the vendor's spec, and every answer on a
 * documented route against the gateway's).
 */
class HostileInputSpec extends Specification {
    static final long SEED = Long.getLong('execgate.hostile.seed', 20261123L)
    static final int PER_VENDOR = 150
    static final String UUID = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'
    static final List<String> PIECES = ['a', 'Z', '9', '-', '_', '.', '~', '..', '+', '%2B', '%2F', '%2f', '%25', '%00',
                                        '%0D%0A', '%0A', '%7F', '%C2%85', '%C3%28', '%E2%82', '%F0%9F%98%80', '%ZZ', '%',
                                        '!', '$', "'", '(', ')', '*', ',', ';', '=', ':', '@', '&', '%3F', '%23', '%20',
                                        'é', '日本', '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098', 'wr_123', 'A' * 300]
    static final List<String> BODIES = [null, '', '{}', 'null', '[]', '"x"', '42', 'true', '{', '{"maxStepsOverride":',
                                        '{"maxStepsOverride":5}', '{"maxStepsOverride":"5"}', '{"maxStepsOverride":2.5}',
                                        '{"maxStepsOverride":0}', '{"maxStepsOverride":-1}', '{"maxStepsOverride":1e400}',
                                        '{"maxStepsOverride":99999999999999999999}', '{"maxStepsOverride":null}',
                                        '{"maxStepOverride":5}', '{"maxStepsOverride":5,"maxStepsOverride":6}',
                                        '{"useLatestWorkflow":true}', '{"useLatestWorkflow":"true"}', '{"useLatestWorkflow":null}',
                                        '{"a":' * 2_000 + '1' + '}' * 2_000, '[' * 50_000 + ']' * 50_000,
                                        '{"maxStepsOverride":5,"x":"' + 'y' * 70_000 + '"}', '\u0000', '\uFEFF{}']
    static final List<String> CONTENT_TYPES = [null, 'application/json', 'application/json; charset=utf-8', 'text/plain',
                                               'application/xml', 'application/json; charset=latin1', 'multipart/form-data', '*/*', 'x']
    static final List<String> KEYS = [null, '', ' ', 'k', 'k' * 255, 'k' * 256, 'é', 'a\tb', 'ok-key']

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() {
        gateway.clearVendors()
        Gateway.VENDORS.each { vendor ->
            def (int status, String body) = Gateway.acceptedRetry(vendor)
            gateway.vendor(vendor).answer(status, body)
        }
    }

    def "random retries at #vendor: no 5xx, no call for a rejection, no undocumented call"() {
        given:
        def random = new Random(SEED + vendor.hashCode())
        List<String> failures = []
        Map<Integer, Integer> statuses = [:].withDefault { 0 }

        when:
        PER_VENDOR.times { i ->
            String id = (1..(1 + random.nextInt(4))).collect { PIECES[random.nextInt(PIECES.size())] }.join()
            if (random.nextInt(3) == 0) { // a plausible id too, in either case (AlgaPSA takes UUIDs only)
                id = random.nextBoolean() ? UUID : UUID.toUpperCase()
            }
            String body = BODIES[random.nextInt(BODIES.size())]
            Map<String, String> headers = [Authorization: "Bearer ${Gateway.CLIENT_KEY}".toString()]
            String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.size())]
            String key = KEYS[random.nextInt(KEYS.size())]
            if (type != null && body != null) headers['Content-Type'] = type
            if (key != null) headers['Idempotency-Key'] = key + (key == 'ok-key' ? "-$i" : '')
            if (random.nextInt(4) == 0) headers['X-Request-Id'] = PIECES[random.nextInt(PIECES.size())]
            int before = gateway.vendorCalls
            RawHttp.Answer answer
            try {
                answer = gateway.send('POST', "/v1/executions/$vendor/$id/retry", headers, body)
            } catch (AssertionError e) {
                failures << "#$i id=$id: ${e.message.readLines().first()}"
                return
            }
            int calls = gateway.vendorCalls - before
            statuses[answer.status]++
            if (answer.status >= 500) failures << "#$i id=$id body=${body?.take(40)}: ${answer.status} ${answer.body.take(200)}"
            if (answer.status != 202 && calls > 0) failures << "#$i id=$id: ${answer.status} after $calls vendor call(s)"
            // a key the generator repeats ('k') replays the first answer: then, and only then, no call
            int expectedCalls = answer.header('Idempotent-Replayed') == 'true' ? 0 : 1
            if (answer.status == 202 && calls != expectedCalls) failures << "#$i id=$id: 202 after $calls vendor calls"
            if (answer.status >= 400 && !answer.header('Content-Type')?.startsWith('application/problem+json')) {
                failures << "#$i id=$id: ${answer.status} without a problem document"
            }
        }

        then: "seed $SEED (-Dexecgate.hostile.seed to replay), $PER_VENDOR requests"
        failures == []
        statuses.keySet().containsAll([202, 400]) // the generator reaches the vendor and the validators both

        where:
        vendor << Gateway.VENDORS
    }

    def "#what is a 4xx problem and costs no vendor call"() {
        when:
        def answer = gateway.http.send('POST', target, [Authorization: "Bearer ${Gateway.CLIENT_KEY}".toString()] + headers, body)

        then:
        answer.status in 400..499
        answer.header('Content-Type').startsWith('application/problem+json')
        gateway.vendorCalls == 0

        where:
        what                              | target                                  | headers                                             | body
        'a body over 64 KB'               | '/v1/executions/skyvern/wr_1/retry'     | ['Content-Type': 'application/json']                | JsonOutput.toJson([maxStepsOverride: 5, pad: 'x' * 70_000])
        'a 2,000-deep JSON object'        | '/v1/executions/skyvern/wr_1/retry'     | ['Content-Type': 'application/json']                | '{"a":' * 2_000 + '1' + '}' * 2_000
        'a 50,000-deep JSON array'        | '/v1/executions/skyvern/wr_1/retry'     | ['Content-Type': 'application/json']                | '[' * 50_000 + ']' * 50_000
        'an XML body'                     | '/v1/executions/skyvern/wr_1/retry'     | ['Content-Type': 'application/xml']                 | '<maxStepsOverride>5</maxStepsOverride>'
        'an unknown member'               | '/v1/executions/skyvern/wr_1/retry'     | ['Content-Type': 'application/json']                | '{"maxStepsOverride":5,"admin":true}'
        'an encoded CR LF in the id'      | '/v1/executions/skyvern/wr%0D%0AX:1/retry' | [:]                                              | null
        'an encoded NUL in the id'        | '/v1/executions/skyvern/wr%00/retry'    | [:]                                                 | null
        'invalid UTF-8 in the id'         | '/v1/executions/skyvern/%C3%28/retry'   | [:]                                                 | null
        'a 300-character id'              | "/v1/executions/skyvern/${'a' * 300}/retry" | [:]                                             | null
        'a 256-character Idempotency-Key' | '/v1/executions/skyvern/wr_1/retry'     | ['Idempotency-Key': 'k' * 256]                      | null
        'a 20 KB header'                  | '/v1/executions/skyvern/wr_1/retry'     | ['X-Pad': 'p' * 20_000]                             | null
    }
}
