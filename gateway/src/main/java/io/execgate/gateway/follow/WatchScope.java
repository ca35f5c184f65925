package io.execgate.gateway.follow;

import io.execgate.adapter.http.VendorCallScope;
import io.execgate.gateway.exchange.Traceparent;

/**
 * The scope of a watch's reads, which no client request is waiting for: they continue the retry's
 * trace (its trace id, a new parent id per read) and their time is counted nowhere but the vendor's
 * own meters.
 */
record WatchScope(String retryTraceparent) implements VendorCallScope {

    @Override
    public String traceparent() {
        return Traceparent.nextHop(retryTraceparent);
    }

    @Override
    public void vendorCallTook(long nanos) {
    }
}
