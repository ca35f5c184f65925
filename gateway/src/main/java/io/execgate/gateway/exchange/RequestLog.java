package io.execgate.gateway.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * One log line per answer under {@code /v1}, logger {@code execgate.request}: request id, client,
 * vendor, operation, status, problem code and outcome, the vendor's HTTP and execution status, and
 * the total and vendor milliseconds. With the JSON format each is a field of the line; in the text
 * format they read {@code key=value}. No key, body or vendor words are logged.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("execgate.request");

    private RequestLog() {
    }

    static void write(Exchange exchange, int status, long totalNanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        AnswerFacts facts = exchange.facts();
        ClientKeys.Caller caller = exchange.caller();
        LOG.info("{} {} {} {} {} {} {} {} {} {} {}",
                kv("requestId", exchange.requestId()),
                kv("client", caller == null ? null : caller.name()),
                kv("vendor", exchange.route().vendor()),
                kv("operation", exchange.route().operation()),
                kv("status", status),
                kv("code", facts.code()),
                kv("outcome", facts.outcome()),
                kv("vendorHttpStatus", facts.vendorHttpStatus()),
                kv("vendorStatus", printable(facts.vendorStatus())),
                kv("durationMs", millis(totalNanos)),
                kv("vendorMs", millis(exchange.vendorNanos())));
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
