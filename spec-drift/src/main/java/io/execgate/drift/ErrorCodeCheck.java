package io.execgate.drift;

import io.execgate.adapter.problem.VendorErrorTable;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.Map;

/** ERROR_CODE_TRANSLATED / ERROR_CODE_UNTRANSLATED: a newly documented 4xx or 5xx, and what the endpoint's error table makes of it. */
final class ErrorCodeCheck implements DependencyChecker {

    @Override
    public void check(CalledOperation call, Findings findings) {
        Map<String, ApiResponse> was = call.oldResponses();
        Map<String, ApiResponse> is = call.newResponses();
        VendorErrorTable table = call.endpoint().endpoint().errors();
        String declaredAs = call.endpoint().declaredAs();
        for (String code : is.keySet()) {
            if (was.containsKey(code) || !code.matches("[45]\\d\\d")) {
                continue;
            }
            int status = Integer.parseInt(code);
            String description = is.get(code).getDescription();
            String shown = description == null || description.isBlank() ? code : code + " " + description;
            String pointer = call.now().pointer() + "/responses/" + code;
            if (table.hasRow(status)) {
                findings.add(Kind.ERROR_CODE_TRANSLATED, call.operation(), "responses", pointer, null, shown,
                        "Translated as " + table.codeFor(status) + " by " + declaredAs + "'s error table.");
            } else if (status >= 500) {
                findings.add(Kind.ERROR_CODE_TRANSLATED, call.operation(), "responses", pointer, null, shown,
                        "Answered 502 UPSTREAM_ERROR with the vendor's body, as every vendor 5xx.");
            } else {
                findings.add(Kind.ERROR_CODE_UNTRANSLATED, call.operation(), "responses", pointer, null, shown,
                        declaredAs + "'s error table has no row for " + code + ": it would be answered 502"
                                + " UPSTREAM_ERROR with the vendor's body. Add .with(" + code + ", ProblemCode...) if it means"
                                + " something the contract names.");
            }
        }
    }
}
