package io.execgate.sandbox;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

/**
 * Input the generated interface rejects (an id that is not a UUID where the spec says uuid, a header
 * that is not an integer, a body without a required member) is answered in the vendor's own error
 * shape ({@link VendorBehaviour#invalidInput}), not Micronaut's.
 */
final class InvalidInputHandlers {
    private InvalidInputHandlers() {
    }

    /** The name the vendor's spec gives the input (header or path parameter), not the Java one. */
    private static String nameOf(Argument<?> argument) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        return annotations.stringValue(Header.class)
                .or(() -> annotations.stringValue(PathVariable.class))
                .orElse(argument.getName());
    }

    @Produces
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static final class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final VendorBehaviour vendor;

        Conversion(VendorBehaviour vendor) {
            this.vendor = vendor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            return vendor.invalidInput(nameOf(e.getArgument()) + ": cannot be read as "
                    + e.getArgument().getType().getSimpleName()).toResponse();
        }
    }

    @Produces
    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    static final class Missing implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {
        private final VendorBehaviour vendor;

        Missing(VendorBehaviour vendor) {
            this.vendor = vendor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException e) {
            return vendor.invalidInput(nameOf(e.getArgument()) + ": required").toResponse();
        }
    }

    @Produces
    @Singleton
    @Replaces(ConstraintExceptionHandler.class)
    static final class Constraints implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final VendorBehaviour vendor;

        Constraints(VendorBehaviour vendor) {
            this.vendor = vendor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
            String message = e.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .findFirst()
                    .orElse("invalid request");
            return vendor.invalidInput(message).toResponse();
        }
    }
}
