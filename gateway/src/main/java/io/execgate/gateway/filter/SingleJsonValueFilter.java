package io.execgate.gateway.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.gateway.problem.ProblemRenderer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;

/**
 * A retry's JSON body must be exactly one JSON value, whitespace aside. The framework's
 * decoder stops after the first value and ignores the rest, so {@code {"maxStepsOverride": 5}}}
 * or {@code {} []} would otherwise be accepted and sent: a body the caller did not mean is a 400
 * that never reaches a vendor.
 */
@ServerFilter(value = "/v1/executions/*/*/retry", methods = HttpMethod.POST)
public final class SingleJsonValueFilter implements Ordered {
    private static final JsonFactory JSON = new JsonFactory();

    private final ProblemRenderer problems;

    SingleJsonValueFilter(ProblemRenderer problems) {
        this.problems = problems;
    }

    /** The body is bound as a copy (Micronaut buffers a split of it); the route still reads the original. */
    @RequestFilter
    public @Nullable HttpResponse<?> check(HttpRequest<?> request, @Body byte[] body) {
        boolean json = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        // another Content-Type is the route's to refuse (a 415 problem)
        String wrong = json ? wrongWith(body) : null;
        return wrong == null ? null : problems.render(request, GatewayProblem.invalid("body", wrong));
    }

    /** What is wrong with the body as one JSON value, or null when nothing is (an empty body included). */
    static @Nullable String wrongWith(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return null;
            }
            parser.skipChildren();
            parser.finishToken(); // a scalar is read lazily: make sure the first value is whole
            try {
                return parser.nextToken() == null ? null : "must be exactly one JSON value; there is more after it";
            } catch (IOException more) {
                return "must be exactly one JSON value; there is more after it";
            }
        } catch (IOException e) {
            return "is not valid JSON";
        }
    }

    @Override
    public int getOrder() {
        return FilterOrder.JSON_BODY;
    }
}
