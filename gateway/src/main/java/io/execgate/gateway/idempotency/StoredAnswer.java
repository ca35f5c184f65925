package io.execgate.gateway.idempotency;

import io.execgate.gateway.exchange.AnswerFacts;

import java.util.Arrays;
import java.util.Map;

/**
 * A final answer as it was sent, kept for replay: status, the headers that carry meaning
 * ({@code Content-Type}, {@code Location}, {@code Retry-After}) and the body's exact bytes, with the
 * fingerprint of the request that produced it, and what it said ({@code facts}) for the meters and
 * the log line of its replays.
 */
public record StoredAnswer(String fingerprint, int status, Map<String, String> headers, byte[] body, AnswerFacts facts) {

    public StoredAnswer {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredAnswer other && fingerprint.equals(other.fingerprint) && status == other.status
                && headers.equals(other.headers) && Arrays.equals(body, other.body) && facts.equals(other.facts);
    }

    @Override
    public int hashCode() {
        return 31 * fingerprint.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "StoredAnswer[status=" + status + ", " + body.length + " bytes]"; // the body can hold customer data
    }
}
