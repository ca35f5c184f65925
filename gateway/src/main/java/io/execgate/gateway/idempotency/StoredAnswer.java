package io.execgate.gateway.idempotency;

import io.execgate.gateway.exchange.AnswerFacts;
import io.execgate.gateway.follow.Waits;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A final answer as it was sent, kept for replay: status, the headers that carry meaning
 * ({@code Content-Type}, {@code Location}, {@code Retry-After}) and the body's exact bytes, with the
 * fingerprint of the request that produced it, and what it said ({@code facts}) for the meters and
 * the log line of its replays.
 */
public record StoredAnswer(String fingerprint, int status, Map<String, String> headers, byte[] body, AnswerFacts facts) {
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
            Waits.PREFERENCE_APPLIED);

    public StoredAnswer {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** {@code answer} as it is sent, {@code body} being its body's bytes. */
    static StoredAnswer of(String fingerprint, MutableHttpResponse<?> answer, byte[] body, AnswerFacts facts) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.getContentType().ifPresent(type -> headers.put(HttpHeaders.CONTENT_TYPE, type.toString()));
        KEPT_HEADERS.forEach(name -> answer.getHeaders().getFirst(name).ifPresent(value -> headers.put(name, value)));
        return new StoredAnswer(fingerprint, answer.code(), headers, body, facts);
    }

    /** The answer again, byte for byte, marked as a replay. */
    MutableHttpResponse<byte[]> replay() {
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(status)).body(body());
        headers.forEach((name, value) -> {
            if (HttpHeaders.CONTENT_TYPE.equals(name)) {
                response.contentType(MediaType.of(value));
            } else {
                response.header(name, value);
            }
        });
        return response.header(IdempotentRetries.REPLAYED, "true");
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
