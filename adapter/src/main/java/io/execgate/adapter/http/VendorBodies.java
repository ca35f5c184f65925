package io.execgate.adapter.http;

import io.execgate.adapter.problem.GatewayProblem;
import io.execgate.adapter.problem.SecretRedactor;
import io.execgate.adapter.problem.VendorAnswer;
import io.execgate.adapter.problem.VendorErrorTable;
import io.execgate.api.model.ProblemCode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads vendor bodies without ever failing on them: a body that does not decode, or decodes but
 * breaks its spec's constraints, becomes a problem that still carries the vendor's words.
 */
@Singleton
final class VendorBodies {
    private static final Logger LOG = LoggerFactory.getLogger(VendorBodies.class);
    /** The contract cuts a vendor's non-JSON (or large) error body to 2 KB. */
    static final int MAX_ERROR_CHARS = 2048;

    private final ObjectMapper json;
    private final Validator validator;
    private final SecretRedactor redactor;

    VendorBodies(ObjectMapper json, Validator validator, SecretRedactor redactor) {
        this.json = json;
        this.validator = validator;
        this.redactor = redactor;
    }

    /** Decodes a body into a generated vendor model and checks it against the model's constraints. */
    <T> T read(byte[] body, Class<T> type, Supplier<GatewayProblem> unexpected) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (IOException | RuntimeException undecodable) {
            // The exception's message may quote the body; its type is enough to tell what broke.
            LOG.warn("Vendor answer is not a {}: {}", type.getSimpleName(), undecodable.getClass().getName());
            throw unexpected.get();
        }
        if (value == null) {
            LOG.warn("Vendor answer is not a {}: empty", type.getSimpleName());
            throw unexpected.get();
        }
        List<ConstraintViolation<T>> violations = validator.validate(value).stream()
                .filter(v -> !isFreeFormJson(v)).toList();
        if (!violations.isEmpty()) {
            LOG.warn("Vendor answer breaks its spec ({}): {}", type.getSimpleName(), violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
            throw unexpected.get();
        }
        return value;
    }

    /**
     * Members the codegen maps to plain JSON ({@code Object}, see generated/pom.xml) have no
     * introspection to validate against; the validator reports that as a violation, which is not
     * the vendor's fault.
     */
    private static boolean isFreeFormJson(ConstraintViolation<?> violation) {
        return violation.getMessageTemplate().contains("Introspected")
                && (violation.getInvalidValue() instanceof Map<?, ?> || violation.getInvalidValue() instanceof List<?>);
    }

    Object tree(byte[] body) {
        try {
            return body.length == 0 ? null : json.readValue(body, Object.class);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    byte[] json(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a vendor request body", e);
        }
    }

    GatewayProblem problem(String vendor, VendorResponse response, ProblemCode code, VendorErrorTable table) {
        VendorAnswer answer = new VendorAnswer(vendor, response.status(), vendorError(response.body()), response.retryAfter());
        return GatewayProblem.fromVendor(code, VendorErrorTable.detailFor(code), answer, table.errorsFor(code, tree(response.body())));
    }

    /**
     * The vendor's body as parsed JSON when it is a small JSON object or array, else its text cut to
     * 2 KB ({@code ""} for no body, so a client can tell "the vendor said nothing" from "no vendor
     * answered"); secrets masked. A bare JSON scalar stays text, keeping the contract's three types.
     */
    private Object vendorError(byte[] body) {
        String text = redactor.redact(new String(body, StandardCharsets.UTF_8));
        if (text.length() <= MAX_ERROR_CHARS) {
            Object parsed = tree(text.getBytes(StandardCharsets.UTF_8));
            return parsed instanceof Map<?, ?> || parsed instanceof List<?> ? parsed : text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_ERROR_CHARS - 1)) ? MAX_ERROR_CHARS - 1 : MAX_ERROR_CHARS;
        return text.substring(0, end);
    }
}
