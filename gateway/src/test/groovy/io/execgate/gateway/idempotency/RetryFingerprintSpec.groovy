package io.execgate.gateway.idempotency

import io.execgate.adapter.RetryCommand
import spock.lang.Specification

/** Two retries under one Idempotency-Key are the same request only when everything that reaches the vendor is. */
class RetryFingerprintSpec extends Specification {
    static final RetryCommand PLAIN = new RetryCommand('ex_1', null, false, false)

    def "#what makes another request"() {
        expect:
        IdempotentRetries.fingerprint('v', PLAIN, null) != IdempotentRetries.fingerprint(vendor, command, notify)

        where:
        what                | vendor | command                                      | notify
        'the vendor'        | 'w'    | PLAIN                                        | null
        'the id'            | 'v'    | new RetryCommand('ex_2', null, false, false) | null
        'maxStepsOverride'  | 'v'    | new RetryCommand('ex_1', 5, false, false)    | null
        'useLatestWorkflow' | 'v'    | new RetryCommand('ex_1', null, true, false)  | null
        'include=vendorData'| 'v'    | new RetryCommand('ex_1', null, false, true)  | null
        'notify.url'        | 'v'    | PLAIN                                        | 'https://hooks.example.com/a'
    }

    def "a request without the newer option keeps the fingerprint earlier versions stored (a key in Redis survives an upgrade)"() {
        expect: "SHA-256 of 'v', 'ex_1', 'null', 'false' with a NUL between, as stored before useLatestWorkflow existed"
        IdempotentRetries.fingerprint('v', PLAIN, null) == 'c0493c149e1b5f62acde0e99b98c76e322e2aaf933e67f90614ba2af97393425'
    }
}
