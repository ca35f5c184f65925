package io.execgate.sandbox;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Writes a {@link SimulatedAnswer} with its status, headers and the vendor's own JSON body. */
@Produces
@Singleton
final class SimulatedAnswerHandler implements ExceptionHandler<SimulatedAnswer, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, SimulatedAnswer answer) {
        return answer.toResponse();
    }
}
