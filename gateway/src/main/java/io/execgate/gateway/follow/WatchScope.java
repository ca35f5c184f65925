package io.execgate.gateway.follow;

import io.execgate.adapter.http.VendorCallScope;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The scope of a watch's reads, which no client request is waiting for: they continue the retry's
 * trace (its trace id, a new parent id per read) and their time is counted nowhere but the vendor's
 * own meters.
 */
record WatchScope(String retryTraceparent) implements VendorCallScope {

    @Override
    public String traceparent() {
        String parent = retryTraceparent;
        if (parent == null || parent.length() != 55) {
            return null;
        }
        return parent.substring(0, 36) + String.format("%016x", ThreadLocalRandom.current().nextLong() | 1) + parent.substring(52);
    }

    @Override
    public void vendorCallTook(long nanos) {
    }
}
