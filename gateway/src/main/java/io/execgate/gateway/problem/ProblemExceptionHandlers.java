package io.execgate.gateway.problem;

import io.execgate.gateway.exchange.Exchange;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ErrorResponseProcessorExceptionHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;

/** Exception handlers that hand every failure to the one problem renderer. */
final class ProblemExceptionHandlers {
    private ProblemExceptionHandlers() {
    }

    /** A {@link GatewayProblem} is an expected answer, not an error to log. */
    @Singleton
    static final class GatewayProblemHandler extends ErrorResponseProcessorExceptionHandler<GatewayProblem> {
        GatewayProblemHandler(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        protected MutableHttpResponse<?> createResponse(GatewayProblem problem) {
            return HttpResponse.status(HttpStatus.valueOf(problem.status()));
        }
    }

    /**
     * A body cut short: the client closed its connection before sending the bytes its
     * {@code Content-Length} announced. Nothing was sent to a vendor and nobody is left to read the
     * answer, but the meters and the request log should say what happened (a 400, {@code NOT_SENT}),
     * not report a gateway failure whose outcome is unknown.
     */
    @Singleton
    static final class TruncatedBodyHandler extends ErrorResponseProcessorExceptionHandler<EOFException> {
        TruncatedBodyHandler(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        protected MutableHttpResponse<?> createResponse(EOFException exception) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST);
        }
    }

    /**
     * Anything unexpected: logged by type and request id only (an exception message can hold a
     * secret or a vendor's words), answered as INTERNAL_ERROR without the message.
     */
    @Singleton
    static final class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
        private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
        private final ErrorResponseProcessor<?> processor;

        UnexpectedErrorHandler(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, Exception exception) {
            LOG.error("Unexpected {} while handling request {}", exception.getClass().getName(), Exchange.requestIdOf(request));
            return processor.processResponse(ErrorContext.builder(request).build(),
                    HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
        }
    }
}
