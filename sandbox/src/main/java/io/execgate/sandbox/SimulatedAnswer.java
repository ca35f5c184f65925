package io.execgate.sandbox;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/**
 * An answer a simulator gives instead of the operation's documented success: the vendor's 404, its
 * refusal to retry, its validation error. Thrown from a controller whose generated interface only
 * returns the success model, and written as-is by {@link SimulatedAnswerHandler}.
 */
public final class SimulatedAnswer extends RuntimeException {
    private final int status;
    private final transient Object body;
    private final Map<String, String> headers;

    public SimulatedAnswer(int status, Object body) {
        this(status, body, Map.of());
    }

    public SimulatedAnswer(int status, Object body, Map<String, String> headers) {
        super("simulated HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The answer as written: its status, headers and the vendor's JSON body. */
    public MutableHttpResponse<?> toResponse() {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body);
        headers.forEach(response::header);
        return response;
    }
}
