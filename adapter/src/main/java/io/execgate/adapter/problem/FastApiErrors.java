package io.execgate.adapter.problem;

import io.execgate.api.model.ProblemError;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads FastAPI's 422 body, {@code {"detail":[{"loc":[...],"msg":"...","type":"..."}]}}, which
 * every vendor built on FastAPI sends, into the problem's {@code errors} list.
 */
public final class FastApiErrors {
    private FastApiErrors() {
    }

    public static List<ProblemError> read(Object body) {
        if (!(body instanceof Map<?, ?> map) || !(map.get("detail") instanceof List<?> details)) {
            return List.of();
        }
        return details.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(d -> new ProblemError(location(d.get("loc")), Objects.toString(d.get("msg"), "invalid")))
                .toList();
    }

    private static String location(Object loc) {
        return loc instanceof List<?> parts
                ? parts.stream().map(String::valueOf).collect(Collectors.joining("."))
                : "vendor";
    }
}
