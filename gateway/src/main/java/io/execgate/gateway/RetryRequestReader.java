package io.execgate.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.execgate.adapter.RetryOption;
import io.execgate.gateway.problem.GatewayProblem;
import io.execgate.api.model.Notify;
import io.execgate.api.model.ProblemError;
import io.execgate.api.model.RetryRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.jackson.JacksonDecoder;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the retry body strictly, from its bytes (the route's body reader for {@link RetryRequest}:
 * Micronaut picks the reader of exactly this type over its generic JSON one).
 * <ul>
 *   <li>Exactly one JSON value, white space aside: the framework's decoder stops after the first
 *       value, so {@code {"maxStepsOverride": 5}}} or {@code {} []} would be accepted and sent.</li>
 *   <li>No coercion: Serde turns {@code "5"}, {@code 2.5} and {@code true} into an Integer (and
 *       {@code "true"} into a Boolean) with no switch to stop it.</li>
 *   <li>No unknown member: a misspelt option silently dropped is worse than a 400.</li>
 * </ul>
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
final class RetryRequestReader implements MessageBodyReader<RetryRequest> {
    private static final String MAX_STEPS = RetryOption.MAX_STEPS_OVERRIDE.member();
    private static final String USE_LATEST = RetryOption.USE_LATEST_WORKFLOW.member();
    private static final String NOTIFY = "notify";
    private static final String URL = "url";
    private static final JsonFactory JSON = new JsonFactory();

    private final LimitingStream.RemainingLimits limits;

    RetryRequestReader(SerdeConfiguration serde) {
        this.limits = LimitingStream.limitsFromConfiguration(serde);
    }

    @Override
    public @Nullable RetryRequest read(Argument<RetryRequest> type, @Nullable MediaType mediaType, Headers headers,
                                       InputStream body) throws CodecException {
        try (JsonParser parser = JSON.createParser(body)) {
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }

    /**
     * One pass over the body: its first JSON value as plain JSON (Serde's own decoder, with the
     * configured nesting limits), then nothing but white space after it. No body, or only white
     * space, is no body.
     */
    private @Nullable RetryRequest read(JsonParser parser) {
        Object tree;
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            tree = JacksonDecoder.create(parser, limits).decodeArbitrary();
        } catch (IOException notJson) {
            throw GatewayProblem.invalid("body", "is not valid JSON");
        }
        if (hasMore(parser)) {
            throw GatewayProblem.invalid("body", "must be exactly one JSON value; there is more after it");
        }
        return tree == null ? null : members(tree);
    }

    /** Whether anything but white space follows the value just read (garbage counts). */
    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException garbage) {
            return true;
        }
    }

    private static RetryRequest members(Object json) {
        if (!(json instanceof Map<?, ?> body)) {
            throw GatewayProblem.invalid("body", "must be a JSON object");
        }
        List<ProblemError> errors = new ArrayList<>();
        for (Object member : body.keySet()) { // a loop, not a stream: this runs on every retry
            if (!MAX_STEPS.equals(member) && !USE_LATEST.equals(member) && !NOTIFY.equals(member) && errors.size() < 5) {
                errors.add(new ProblemError("body." + abbreviate(String.valueOf(member)), "is not a known member"));
            }
        }
        Object steps = body.get(MAX_STEPS);
        if (steps != null && !(steps instanceof Integer i && i >= 1)) {
            errors.add(new ProblemError("body." + MAX_STEPS, "must be a JSON integer of at least 1"));
        }
        Object latest = body.get(USE_LATEST);
        if (latest != null && !(latest instanceof Boolean)) {
            errors.add(new ProblemError("body." + USE_LATEST, "must be JSON true or false"));
        }
        Notify notify = body.containsKey(NOTIFY) ? notify(body.get(NOTIFY), errors) : null;
        if (!errors.isEmpty()) {
            throw GatewayProblem.invalid(errors);
        }
        return new RetryRequest().maxStepsOverride((Integer) steps).useLatestWorkflow((Boolean) latest).notify(notify);
    }

    /** {@code {"url": "<absolute URL>"}} and nothing else; whether the URL may be called is checked later. */
    private static Notify notify(Object json, List<ProblemError> errors) {
        if (!(json instanceof Map<?, ?> notify)) {
            errors.add(new ProblemError("body.notify", "must be a JSON object such as {\"url\": \"https://…\"}"));
            return null;
        }
        for (Object member : notify.keySet()) {
            if (!URL.equals(member)) {
                errors.add(new ProblemError("body.notify." + abbreviate(String.valueOf(member)), "is not a known member"));
            }
        }
        if (!(notify.get(URL) instanceof String url) || url.isEmpty() || url.length() > 2048) {
            errors.add(new ProblemError("body.notify.url", "must be a URL of at most 2048 characters"));
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute()) {
                return new Notify(uri);
            }
        } catch (URISyntaxException notUri) {
            // answered below
        }
        errors.add(new ProblemError("body.notify.url", "must be an absolute https URL"));
        return null;
    }

    private static String abbreviate(String member) {
        return member.length() <= 64 ? member : member.substring(0, 64) + "…";
    }
}
