package io.execgate.gateway.filter;

import io.micronaut.core.order.Ordered;

/** The server filter pipeline, top to bottom: who is asking comes after the request has an id. */
final class FilterOrder {
    static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    static final int CLIENT_AUTH = REQUEST_ID + 100;

    private FilterOrder() {
    }
}
