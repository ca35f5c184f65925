package io.execgate.gateway;

import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.api.model.ProblemError;
import io.execgate.api.model.RetryRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the retry body strictly. Serde would coerce {@code "5"}, {@code 2.5} and {@code true} into
 * an Integer with no switch to stop it, and would ignore a misspelt member; a retry that silently
 * drops or invents an option is worse than a 400.
 */
@Singleton
final class RetryRequestReader implements Deserializer<RetryRequest> {
    private static final String MAX_STEPS = "maxStepsOverride";

    @Override
    public RetryRequest deserialize(Decoder decoder, DecoderContext context, Argument<? super RetryRequest> type)
            throws IOException {
        return read(decoder.decodeArbitrary());
    }

    @Override
    public RetryRequest deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super RetryRequest> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }

    static RetryRequest read(Object json) {
        if (!(json instanceof Map<?, ?> body)) {
            throw GatewayProblem.invalid("body", "must be a JSON object");
        }
        List<ProblemError> errors = new ArrayList<>();
        body.keySet().stream().map(String::valueOf).filter(k -> !k.equals(MAX_STEPS)).limit(5)
                .forEach(k -> errors.add(new ProblemError("body." + abbreviate(k), "is not a known member")));
        Object steps = body.get(MAX_STEPS);
        if (steps != null && !(steps instanceof Integer i && i >= 1)) {
            errors.add(new ProblemError("body." + MAX_STEPS, "must be a JSON integer of at least 1"));
        }
        if (!errors.isEmpty()) {
            throw GatewayProblem.invalid(errors);
        }
        return new RetryRequest().maxStepsOverride((Integer) steps);
    }

    private static String abbreviate(String member) {
        return member.length() <= 64 ? member : member.substring(0, 64) + "…";
    }
}
