package io.execgate.drift;

import io.swagger.v3.oas.models.parameters.RequestBody;

import java.util.Map;

/** REQUIRED_BODY_FIELD_ADDED: the body, or a field of it, became required. */
final class RequestBodyCheck implements DependencyChecker {

    @Override
    public void check(CalledOperation call, Findings findings) {
        RequestBody was = call.before().requestBody(call.old().operation().getRequestBody());
        RequestBody is = call.after().requestBody(call.now().operation().getRequestBody());
        if (is == null) {
            return;
        }
        String pointer = call.now().pointer() + "/requestBody";
        if (Boolean.TRUE.equals(is.getRequired()) && (was == null || !Boolean.TRUE.equals(was.getRequired()))) {
            findings.add(Kind.REQUIRED_BODY_FIELD_ADDED, call.operation(), "request body", pointer,
                    was == null ? null : "optional", "required",
                    was == null ? "The adapter sends no body: every call would be refused as invalid."
                            : "The adapter may send no body: such calls would be refused as invalid.");
        }
        Map<String, String> wasRequired = requiredFields(call.before(), was, call.old().pointer() + "/requestBody");
        requiredFields(call.after(), is, pointer).forEach((field, at) -> {
            if (!wasRequired.containsKey(field)) {
                findings.add(Kind.REQUIRED_BODY_FIELD_ADDED, call.operation(), "request body: " + field, at, null, "required",
                        "The adapter does not send " + field + ": every call would be refused as invalid.");
            }
        });
    }

    private static Map<String, String> requiredFields(SpecDocument document, RequestBody body, String pointer) {
        SchemaView schema = body == null ? null : document.jsonBody(body.getContent(), pointer);
        return schema == null ? Map.of() : schema.requiredProperties();
    }
}
