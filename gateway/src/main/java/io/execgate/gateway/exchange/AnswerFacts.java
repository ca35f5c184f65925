package io.execgate.gateway.exchange;

import io.execgate.gateway.problem.GatewayProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an answer said, for the meters and the request log: the problem {@code code} and
 * {@code outcome} ({@code none} for a success), the vendor's HTTP status when a vendor answer made
 * the problem, the vendor's execution status when an execution came back. Kept with an idempotent
 * answer, so a replay is counted and logged as what it replays without reading its bytes again.
 */
@Serdeable
public record AnswerFacts(String code, String outcome, @Nullable Integer vendorHttpStatus, @Nullable String vendorStatus) {
    public static final String NONE_LABEL = "none";
    /** An answer the gateway gave without an execution or a problem (docs, probes, 404 of a static file). */
    public static final AnswerFacts NONE = new AnswerFacts(NONE_LABEL, NONE_LABEL, null, null);

    static AnswerFacts success(String vendorStatus) {
        return new AnswerFacts(NONE_LABEL, NONE_LABEL, null, vendorStatus);
    }

    static AnswerFacts of(GatewayProblem problem) {
        return new AnswerFacts(problem.code().toString(), problem.outcome().toString(),
                problem.vendorAnswer() == null ? null : problem.vendorAnswer().httpStatus(), null);
    }
}
