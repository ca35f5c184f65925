package io.execgate.gateway.support

import java.util.concurrent.ConcurrentLinkedQueue

/**
 * A followable vendor's {@code vendors/<vendor>/follow.yaml}: its accepted retry, the read the gateway then
 * makes of the execution the retry made, and that read's answer with the status set to {@code running} (not
 * over) or {@code finished} (terminal). Scripts a {@link FakeVendor} to accept the retry and answer reads
 * step by step.
 */
class FollowFixture {
    final String vendor
    final Map fixture

    FollowFixture(String vendor) {
        this.vendor = vendor
        this.fixture = Gateway.vendorFixture(vendor, 'follow.yaml', 'follow-through (Prefer: wait, notifications)')
    }

    /** The vendors that have a follow fixture, in name order. */
    static List<String> followable() {
        Gateway.VENDORS.findAll { Gateway.getResource("/vendors/$it/follow.yaml") != null }
    }

    String getRetryId() { fixture.retry.id }

    String getFinishedStatus() { fixture.finishedStatus }

    boolean isRead(FakeVendor.Recorded r) {
        r.requestLine == fixture.read.requestLine && r.text == (fixture.read.body ?: '')
    }

    /** The read's answer with the vendor's status word {@code vendorStatus} (and the id {@code idAt} names, if any). */
    String readAnswer(String vendorStatus) {
        Map<String, Object> changes = [(fixture.read.statusAt as String): vendorStatus]
        if (fixture.read.idAt) {
            changes[fixture.read.idAt as String] = fixture.read.id
        }
        Gateway.fixture(vendor, fixture.read.file as String, changes)
    }

    /**
     * Accepts every retry; answers reads with {@code steps} in order, the last one for every read after:
     * {@code 'running'}, {@code 'finished'}, or a reaction as {@link FakeVendor#behave} takes it.
     */
    FollowFixture script(FakeVendor fake, List steps) {
        Queue pending = new ConcurrentLinkedQueue(steps)
        Object last = steps.last()
        String retry = Gateway.fixture(vendor, fixture.retry.file as String)
        fake.behave { FakeVendor.Recorded r ->
            if (!isRead(r)) {
                return [status: fixture.retry.status, body: retry, headers: ['Content-Type': 'application/json']]
            }
            Object step = pending.poll() ?: last
            if (step instanceof Map) {
                return step
            }
            [status: fixture.read.status, body: readAnswer(fixture[step] as String), headers: ['Content-Type': 'application/json']]
        }
        this
    }

    List<FakeVendor.Recorded> reads(FakeVendor fake) {
        (fake.requests as List<FakeVendor.Recorded>).findAll { isRead(it) }
    }
}
