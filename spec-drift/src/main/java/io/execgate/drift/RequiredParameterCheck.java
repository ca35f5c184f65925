package io.execgate.drift;

import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** REQUIRED_PARAMETER_ADDED: a query or header parameter the adapter does not send became required. */
final class RequiredParameterCheck implements DependencyChecker {

    @Override
    public void check(CalledOperation call, Findings findings) {
        Map<String, Parameter> was = parameters(call.before(), call.old(), new LinkedHashMap<>());
        Map<String, String> pointers = new LinkedHashMap<>();
        Map<String, Parameter> is = parameters(call.after(), call.now(), pointers);
        is.forEach((key, parameter) -> {
            Parameter previous = was.get(key);
            boolean required = Boolean.TRUE.equals(parameter.getRequired());
            // path parameters are part of the template the adapter fills, so they are always sent
            if (required && !"path".equals(parameter.getIn()) && (previous == null || !Boolean.TRUE.equals(previous.getRequired()))) {
                findings.add(Kind.REQUIRED_PARAMETER_ADDED, call.operation(), parameter.getIn() + " " + parameter.getName(),
                        pointers.get(key), previous == null ? null : "optional", "required",
                        "The adapter does not send it: every call would be refused as invalid.");
            }
        });
    }

    /** Path-level then operation-level parameters (the latter win), by location and name. */
    private static Map<String, Parameter> parameters(SpecDocument document, SpecDocument.OperationView operation, Map<String, String> pointers) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        collect(document, operation.item().getParameters(), "/paths/" + Pointer.escape(operation.path()) + "/parameters", parameters, pointers);
        collect(document, operation.operation().getParameters(), operation.pointer() + "/parameters", parameters, pointers);
        return parameters;
    }

    private static void collect(SpecDocument document, List<Parameter> declared, String pointer,
                                Map<String, Parameter> parameters, Map<String, String> pointers) {
        if (declared == null) {
            return;
        }
        for (int i = 0; i < declared.size(); i++) {
            Parameter parameter = document.parameter(declared.get(i));
            if (parameter.getIn() == null || parameter.getName() == null) {
                continue;
            }
            // header names are case-insensitive: X-Api-Key and x-api-key are one parameter
            String name = "header".equals(parameter.getIn()) ? parameter.getName().toLowerCase(Locale.ROOT) : parameter.getName();
            parameters.put(parameter.getIn() + ":" + name, parameter);
            pointers.put(parameter.getIn() + ":" + name, pointer + "/" + i);
        }
    }
}
