package io.execgate.gateway.problem;

import io.execgate.gateway.ExecutionIds;
import io.execgate.api.model.ProblemCode;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every error answer the framework produces (unknown route, wrong method, bad JSON, malformed URI,
 * failed constraint) and every {@link GatewayProblem} becomes a problem document here. Replaces
 * Micronaut's default processor, whose bodies carry exception messages.
 */
@Singleton
final class ProblemResponseProcessor implements ErrorResponseProcessor<Object> {
    private final ProblemRenderer renderer;

    ProblemResponseProcessor(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    @SuppressWarnings("unchecked") // the renderer returns the same response it was given
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        GatewayProblem problem = FrameworkErrors.problemFor(context, response.code());
        return (MutableHttpResponse<Object>) renderer.render(context.getRequest(), problem, response);
    }

    /** How a framework error maps onto the contract; its own messages are never passed on. */
    static final class FrameworkErrors {
        private FrameworkErrors() {
        }

        static GatewayProblem problemFor(ErrorContext context, int status) {
            for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause()) {
                if (t instanceof GatewayProblem problem) {
                    return problem;
                }
            }
            return switch (status) {
                case 400 -> GatewayProblem.invalid(InvalidInput.errors(context));
                case 404 -> ExecutionIds.spreadOverSegments(context.getRequest())
                        ? GatewayProblem.invalid(ExecutionIds.LOCATION,
                                "must be one path segment: percent-encode each '/' in it as %2F (a/b is a%2Fb)")
                        : GatewayProblem.of(ProblemCode.NOT_FOUND);
                case 405 -> GatewayProblem.of(ProblemCode.METHOD_NOT_ALLOWED);
                case 413 -> GatewayProblem.invalid("body", "is too large");
                case 415 -> GatewayProblem.invalid("header.Content-Type", "must be application/json");
                default -> status >= 400 && status < 500
                        ? GatewayProblem.invalid("request", "cannot be processed")
                        : GatewayProblem.of(ProblemCode.INTERNAL_ERROR);
            };
        }
    }
}
