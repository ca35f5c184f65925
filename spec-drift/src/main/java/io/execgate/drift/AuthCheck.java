package io.execgate.drift;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** AUTH_CHANGED: the gateway sends its key the way the old document asked. */
final class AuthCheck implements DependencyChecker {

    @Override
    public void check(CalledOperation call, Findings findings) {
        String was = security(call.before(), call.old().operation());
        String is = security(call.after(), call.now().operation());
        if (!was.equals(is)) {
            findings.add(Kind.AUTH_CHANGED, call.operation(), "security", securityPointer(call.now()), was, is,
                    "The gateway sends its " + call.adapter().vendor() + " key the old way: every call would be refused"
                            + " (VENDOR_AUTH_FAILED) until " + call.endpoint().declaredIn() + ".auth() follows.");
        }
    }

    /** The operation's requirements (the document's when it has none), as comparable text. */
    private static String security(SpecDocument document, Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : document.api.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return "none";
        }
        return requirements.stream()
                .map(requirement -> requirement.keySet().stream().map(name -> describe(document.securityScheme(name)))
                        .sorted().collect(Collectors.joining(" + ")))
                .map(text -> text.isEmpty() ? "none" : text)
                .distinct().sorted().collect(Collectors.joining(" or "));
    }

    private static String describe(SecurityScheme scheme) {
        if (scheme == null || scheme.getType() == null) {
            return "undefined scheme";
        }
        return switch (scheme.getType()) {
            case APIKEY -> "apiKey in " + scheme.getIn() + " " + scheme.getName();
            case HTTP -> "http " + String.valueOf(scheme.getScheme()).toLowerCase(Locale.ROOT);
            default -> scheme.getType().toString();
        };
    }

    private static String securityPointer(SpecDocument.OperationView now) {
        List<SecurityRequirement> requirements = now.operation().getSecurity();
        if (requirements != null && !requirements.isEmpty() && !requirements.get(0).isEmpty()) {
            return "/components/securitySchemes/" + Pointer.escape(requirements.get(0).keySet().iterator().next());
        }
        return requirements != null ? now.pointer() + "/security" : "/security";
    }
}
