package io.execgate.gateway.filter;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is safe to echo) and puts
 * it on every answer, including 404/405 and malformed-URI answers, which also pass through here.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIdFilter implements Ordered {
    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "execgate.requestId";
    /** Printable ASCII only: an echoed header must not carry CR/LF or bytes a log cannot show. */
    private static final Pattern SAFE = Pattern.compile("[\\x20-\\x7E]{1,200}");

    /** The request's id, set by this filter before anything else runs. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse("unknown");
    }

    @RequestFilter
    public void assign(HttpRequest<?> request) {
        String given = request.getHeaders().get(HEADER);
        request.setAttribute(ATTRIBUTE, given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(HEADER, of(request));
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_ID;
    }
}
