package io.execgate.gateway.filter;

import io.micronaut.core.order.Ordered;

/** The server filter pipeline, top to bottom: who is asking comes after the request has an id. */
final class FilterOrder {
    /** First in and last out, so that its clock covers everything else. */
    static final int SERVER_TIMING = Ordered.HIGHEST_PRECEDENCE;
    static final int REQUEST_ID = SERVER_TIMING + 100;
    static final int CLIENT_AUTH = REQUEST_ID + 100;

    private FilterOrder() {
    }
}
