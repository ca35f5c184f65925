package io.execgate.gateway.problem;

import io.execgate.api.model.ProblemError;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.List;

/**
 * The {@code errors} of a 400 the framework raised, in the gateway's own words: constraint
 * violations by parameter, unreadable arguments by name, anything else as an unreadable body.
 */
final class InvalidInput {
    private InvalidInput() {
    }

    static List<ProblemError> errors(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream().map(InvalidInput::error).toList();
        }
        if (cause instanceof ConversionErrorException conversion) {
            String name = conversion.getArgument().getName();
            return List.of(new ProblemError(name.equals("retryRequest") ? "body" : name, "cannot be read as the expected type"));
        }
        if (cause instanceof java.net.URISyntaxException) {
            return List.of(new ProblemError("path", "is not a valid URI (bad percent-encoding or raw special character)"));
        }
        return List.of(new ProblemError("body", "is not valid JSON"));
    }

    private static ProblemError error(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        return new ProblemError(leaf, violation.getMessage());
    }
}
