package io.execgate.gateway.filter;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The server filter pipeline, top to bottom: who is asking comes after the request has an id, and
 * what it sent after who is asking.
 */
final class FilterOrder {
    /** First in and last out, so that its clock covers everything else. */
    static final int SERVER_TIMING = Ordered.HIGHEST_PRECEDENCE;
    static final int REQUEST_ID = SERVER_TIMING + 100;
    static final int CLIENT_AUTH = REQUEST_ID + 100;
    /**
     * A body is looked at once the caller may send one, and inside the request's trace span (like the
     * route's own refusals of a body).
     */
    static final int JSON_BODY = ServerFilterPhase.SECURITY.after();

    private FilterOrder() {
    }
}
