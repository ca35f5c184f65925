package io.execgate.sandbox

import io.execgate.sandbox.support.SandboxSpecification
import io.execgate.sandbox.support.VendorCalls

/**
 * A retry sets an execution moving through its vendor's own statuses; reads show the live state. What each
 * vendor's retry does is its {@code vendors/<vendor>/calls.yaml} 'lifecycle': the statuses a retried failed
 * execution goes through, and whether the retry is a new execution or the failed one reset.
 */
class SimulatorLifecycleSpec extends SandboxSpecification {

    // a whole second per status: the first read must come before the first step ends, even on a busy machine
    def "a retried failed #vendor execution goes #expected"() {
        given:
        def calls = calls(vendor)
        def failed = sandbox.simulator(vendor).failedExecutionId()

        when:
        def retried = calls.idOf(calls.retry(failed))
        List<String> seen = []
        long deadline = System.nanoTime() + step().multipliedBy(expected.size() + 2).toNanos()
        while (seen.isEmpty() || seen.last() != expected.last() && System.nanoTime() < deadline) {
            String status = readable // a vendor that documents no read: ask the simulator
                    ? calls.statusOf(calls.read(retried))
                    : calls.raw('GET', '/_sandbox/executions').json.find { it.id == retried }.status
            if (seen.isEmpty() || seen.last() != status) {
                seen << status
            }
            sleep(40)
        }

        then:
        seen == expected

        where:
        [vendor, expected, readable] << VendorCalls.VENDORS.collect { vendor ->
            [vendor, lifecycle(vendor).statuses, VendorCalls.calls(vendor).read != null]
        }
    }

    def "#vendor's retry creates a new execution and leaves the failed one as it was"() {
        given:
        def calls = calls(vendor)
        def failed = sandbox.simulator(vendor).failedExecutionId()
        def failedStatus = calls.idsByStatus().find { it.value == failed }.key

        when:
        def first = calls.retry(failed)
        def second = calls.retry(failed)

        then:
        [first, second]*.status.every { it in [200, 201] }
        calls.idOf(first) != failed
        calls.idOf(second) != failed
        calls.idOf(first) != calls.idOf(second)
        calls.raw('GET', '/_sandbox/executions').json.find { it.id == failed }.status == failedStatus

        and: "the new execution names the retried one where the vendor has a member for it, and nowhere else"
        retriedFrom == null ? !calls.execution(first).containsValue(failed) : calls.execution(first)[retriedFrom] == failed

        where:
        [vendor, retriedFrom] << VendorCalls.VENDORS.findAll { lifecycle(it).retry == 'new' }.collect { [it, lifecycle(it).retriedFrom] }
    }

    def "#vendor's retry resets the same execution, so retrying it again is a #again.http until it fails again"() {
        given:
        def calls = calls(vendor)
        def failed = sandbox.simulator(vendor).failedExecutionId()

        when:
        def first = calls.retry(failed)
        def second = calls.retry(failed)

        then:
        first.status == firstAnswer.http
        calls.idOf(first) == failed
        calls.statusOf(first) == firstAnswer.status
        second.status == again.http
        second.json == again.body

        where:
        [vendor, firstAnswer, again] << VendorCalls.VENDORS.findAll { lifecycle(it).retry == 'same' }.collect {
            [it, lifecycle(it).first, lifecycle(it).again]
        }
    }

    def "#vendor's calls.yaml says what its retry does"() {
        expect: 'a vendor without it fails here, by name'
        lifecycle(vendor).statuses
        lifecycle(vendor).retry in ['new', 'same']
        lifecycle(vendor).retry == 'new' || lifecycle(vendor).first && lifecycle(vendor).again

        where:
        vendor << VendorCalls.VENDORS
    }

    private static Map lifecycle(String vendor) {
        VendorCalls.expected(vendor, 'lifecycle') as Map
    }
}
