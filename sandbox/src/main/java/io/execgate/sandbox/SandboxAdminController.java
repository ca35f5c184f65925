package io.execgate.sandbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The simulator's own control API under {@value #PREFIX}, beside the vendor's API on the same port:
 * list executions, set and clear faults, reset. It needs no vendor key and is never subject to a
 * fault; the sandbox listens on 127.0.0.1 unless told otherwise.
 */
@Controller(SandboxAdminController.PREFIX)
final class SandboxAdminController {
    static final String PREFIX = "/_sandbox";

    private final ExecutionBook book;
    private final FaultBoard faults;
    private final SimulatorSettings settings;
    private final Clock clock;

    SandboxAdminController(ExecutionBook book, FaultBoard faults, SimulatorSettings settings, Clock clock) {
        this.book = book;
        this.faults = faults;
        this.settings = settings;
        this.clock = clock;
    }

    static boolean owns(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** An execution as the admin API lists it: the vendor's id and its live vendor status. */
    @Serdeable
    record ExecutionView(String id, @Nullable String status, @Nullable String retriedFrom, String workflow) {
    }

    /** A fault to set: a fault spec and how many vendor calls it applies to (absent: until cleared). */
    @Serdeable
    record FaultRequest(String fault, @Nullable Integer times) {
    }

    @Get("/executions")
    List<ExecutionView> executions() {
        Instant now = clock.instant();
        return book.all().stream()
                .map(e -> new ExecutionView(e.id(), e.status(now), e.retriedFrom(), e.workflowName()))
                .toList();
    }

    @Post("/faults")
    HttpResponse<?> addFault(@Body FaultRequest request) {
        if (request.fault() == null || (request.times() != null && request.times() < 1)) {
            return text("give {\"fault\": \"<spec>\", \"times\": <n ≥ 1, optional>}; modes: " + FaultPlan.MODES);
        }
        try {
            faults.add(FaultPlan.parse(request.fault()), request.times());
        } catch (IllegalArgumentException e) {
            return text(e.getMessage());
        }
        return HttpResponse.created(faults.rules());
    }

    @Get("/faults")
    List<FaultBoard.Rule> faults() {
        return faults.rules();
    }

    @Delete("/faults")
    HttpResponse<?> clearFaults() {
        faults.clear();
        return HttpResponse.noContent();
    }

    /** Back to the seeded executions, with no fault set. */
    @Post("/reset")
    HttpResponse<?> reset() {
        faults.clear();
        book.reset();
        return HttpResponse.noContent();
    }

    @Get("/info")
    Info info() {
        return new Info(settings.vendor(), settings.step().toMillis(), FaultPlan.MODES);
    }

    /** Which vendor this is, how fast its executions move, which faults it knows. */
    @Serdeable
    record Info(String vendor, long stepMillis, List<String> faultModes) {
    }

    private static HttpResponse<?> text(String message) {
        return HttpResponse.badRequest(message).contentType(MediaType.TEXT_PLAIN_TYPE);
    }
}
