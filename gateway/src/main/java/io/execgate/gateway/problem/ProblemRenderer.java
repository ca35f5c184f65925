package io.execgate.gateway.problem;

import io.execgate.adapter.problem.VendorAnswer;
import io.execgate.api.model.Problem;
import io.execgate.gateway.exchange.Exchange;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/** Writes a {@link GatewayProblem} as the contract's {@code application/problem+json} answer. */
@Singleton
public final class ProblemRenderer {
    /** A new answer for the problem. */
    public MutableHttpResponse<?> render(HttpRequest<?> request, GatewayProblem problem) {
        return render(request, problem, HttpResponse.status(HttpStatus.valueOf(problem.status())));
    }

    /** Turns {@code response} (keeping headers such as {@code Allow}) into the problem's answer. */
    public MutableHttpResponse<?> render(HttpRequest<?> request, GatewayProblem problem, MutableHttpResponse<?> response) {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        Exchange exchange = Exchange.of(request);
        if (exchange != null) {
            exchange.failed(problem);
        }
        response.status(status);
        VendorAnswer answer = problem.vendorAnswer();
        if (answer != null && answer.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, answer.retryAfter());
        }
        if (request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        return response.body(document(problem, Exchange.requestIdOf(request)))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }

    /** The problem's document; also written outside Micronaut's request handling (a request that never finished arriving). */
    public static Problem document(GatewayProblem problem, String requestId) {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        Problem body = new Problem(ProblemCatalog.type(problem.code()), status.getReason(), status.getCode(),
                problem.detail(), problem.code(), requestId, problem.retryable(), problem.outcome());
        VendorAnswer answer = problem.vendorAnswer();
        if (answer != null) {
            body.vendor(answer.vendor()).vendorHttpStatus(answer.httpStatus()).vendorError(answer.error());
        }
        if (!problem.errors().isEmpty()) {
            body.errors(problem.errors());
        }
        return body;
    }
}
