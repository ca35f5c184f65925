package io.execgate.gateway.problem;

import io.execgate.api.model.ProblemError;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.web.router.MethodBasedRouteMatch;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.io.EOFException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
            return violations.getConstraintViolations().stream()
                    .map(v -> new ProblemError(location(context, leaf(v)), v.getMessage())).toList();
        }
        if (cause instanceof ConversionErrorException conversion) {
            Argument<?> argument = conversion.getArgument();
            return List.of(new ProblemError(location(context, argument.getName()), argument.getType().isEnum()
                    ? "must be " + String.join(" or ", allowed(argument.getType())) : "cannot be read as the expected type"));
        }
        if (cause instanceof EOFException) {
            return List.of(new ProblemError("body", "ended before the length its Content-Length announced (the connection closed)"));
        }
        if (cause instanceof java.net.URISyntaxException) {
            return List.of(new ProblemError("path", "is not a valid URI (bad percent-encoding or raw special character)"));
        }
        return List.of(new ProblemError("body", "is not valid JSON"));
    }

    /** An enum parameter's values as the contract spells them (the generated enums print their value). */
    private static List<String> allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(String::valueOf).toList();
    }

    private static String leaf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Where the caller put the value: {@code header.Idempotency-Key}, {@code query.include}, {@code body}. */
    private static String location(ErrorContext context, String argumentName) {
        Optional<Argument<?>> argument = context.getRequest()
                .getAttribute(HttpAttributes.ROUTE_MATCH, MethodBasedRouteMatch.class)
                .map(match -> (MethodBasedRouteMatch<?, ?>) match)
                .flatMap(match -> Arrays.<Argument<?>>stream(match.getArguments())
                        .filter(a -> a.getName().equals(argumentName)).findFirst());
        if (argument.isEmpty()) {
            return argumentName;
        }
        AnnotationMetadata annotations = argument.get().getAnnotationMetadata();
        if (annotations.hasAnnotation(Body.class)) {
            return "body";
        }
        return annotations.stringValue(Header.class).map(name -> "header." + name)
                .or(() -> annotations.stringValue(QueryValue.class).map(name -> "query." + name))
                .or(() -> annotations.stringValue(PathVariable.class).map(name -> "path." + name))
                .orElse(argumentName);
    }
}
