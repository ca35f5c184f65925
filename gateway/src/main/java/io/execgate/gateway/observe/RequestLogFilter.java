package io.execgate.gateway.observe;

import io.execgate.adapter.http.VendorTime;
import io.execgate.gateway.filter.ClientAuthFilter;
import io.execgate.gateway.filter.RequestIdFilter;
import io.execgate.gateway.filter.ServerTimingFilter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * One log line per answer under {@code /v1}, logger {@code execgate.request}: request id, client,
 * vendor, operation, status, problem code and outcome, the vendor's HTTP and execution status, and
 * the total and vendor milliseconds. With the JSON format each is a field of the line; in the text
 * format they read {@code key=value}. No key, body or vendor words are logged.
 */
@ServerFilter("/v1/**")
public final class RequestLogFilter {
    private static final Logger LOG = LoggerFactory.getLogger("execgate.request");

    private final Answered.Reader answers;

    RequestLogFilter(Answered.Reader answers) {
        this.answers = answers;
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Answered answer = answers.read(request, response);
        LOG.info("{} {} {} {} {} {} {} {} {} {} {}",
                kv("requestId", RequestIdFilter.of(request)),
                kv("client", ClientAuthFilter.callerNameOf(request)),
                kv("vendor", answer.vendor()),
                kv("operation", answer.operation()),
                kv("status", answer.status()),
                kv("code", answer.code()),
                kv("outcome", answer.outcome()),
                kv("vendorHttpStatus", answer.vendorHttpStatus()),
                kv("vendorStatus", printable(answer.vendorStatus())),
                kv("durationMs", millis(ServerTimingFilter.elapsedNanos(request))),
                kv("vendorMs", millis(VendorTime.of(request))));
    }

    /** The vendor's status is the vendor's text: a line break in it must not start a forged log line. */
    private static String printable(String text) {
        if (text == null) {
            return null;
        }
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) { // what \p{Cntrl} matches: C0 controls and DEL
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = '?';
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
