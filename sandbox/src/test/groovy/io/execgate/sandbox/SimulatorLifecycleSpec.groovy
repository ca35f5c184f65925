package io.execgate.sandbox

import io.execgate.sandbox.support.SandboxSpecification

import java.time.Duration

/** A retry sets an execution moving through its vendor's own statuses; reads show the live state. */
class SimulatorLifecycleSpec extends SandboxSpecification {

    // a whole second per status: the first read must come before the first step ends, even on a busy machine
    def "a retried failed #vendor execution goes #expected"() {
        given:
        def calls = calls(vendor)
        def failed = calls.idsByStatus()[failedStatus]

        when:
        def retried = calls.idOf(calls.retry(failed))
        List<String> seen = []
        long deadline = System.nanoTime() + step().multipliedBy(expected.size() + 2).toNanos()
        while (seen.isEmpty() || seen.last() != expected.last() && System.nanoTime() < deadline) {
            String status = vendor == 'kinetic' // Kinetic documents no read: ask the simulator
                    ? calls.raw('GET', '/_sandbox/executions').json.find { it.id == retried }.status
                    : calls.statusOf(calls.read(retried))
            if (seen.isEmpty() || seen.last() != status) {
                seen << status
            }
            sleep(40)
        }

        then:
        seen == expected

        where:
        vendor    | failedStatus || expected
        'kaizen'  | 'Failed'     || ['Enqueued', 'InProgress', 'Completed']
        'kinetic' | 'failed'     || ['queued', 'running', 'completed']
        'algapsa' | 'failed'     || ['pending', 'running', 'completed']
        'skyvern' | 'failed'     || ['created', 'queued', 'running', 'completed']
    }

    def "#vendor's retry creates a new execution and leaves the failed one as it was"() {
        given:
        def calls = calls(vendor)
        def failed = calls.idsByStatus()[failedStatus]

        when:
        def first = calls.retry(failed)
        def second = calls.retry(failed)

        then:
        [first, second]*.status.every { it in [200, 201] }
        calls.idOf(first) != failed
        calls.idOf(second) != failed
        calls.idOf(first) != calls.idOf(second)
        calls.execution(first).parentExecutionId == (vendor == 'kaizen' ? failed : null)
        calls.raw('GET', '/_sandbox/executions').json.find { it.id == failed }.status == failedStatus

        where:
        vendor    | failedStatus
        'kaizen'  | 'Failed'
        'kinetic' | 'failed'
        'skyvern' | 'failed'
    }

    def "AlgaPSA's retry resets the same execution, so retrying it again is a 409 until it fails again"() {
        given:
        def calls = calls('algapsa')
        def failed = calls.idsByStatus()['failed']

        when:
        def first = calls.retry(failed)
        def second = calls.retry(failed)

        then:
        first.status == 200
        calls.idOf(first) == failed
        calls.statusOf(first) == 'pending'
        second.status == 409
        second.json.error.code == 'CONFLICT'
    }
}
