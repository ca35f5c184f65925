package io.execgate.drift;

import java.util.Set;

/** SUCCESS_CODE_CHANGED: the 2xx codes documented changed. */
final class SuccessCodeCheck implements DependencyChecker {

    @Override
    public void check(CalledOperation call, Findings findings) {
        Set<String> wasSuccess = CalledOperation.successCodes(call.oldResponses());
        Set<String> isSuccess = CalledOperation.successCodes(call.newResponses());
        if (!wasSuccess.equals(isSuccess)) {
            findings.add(Kind.SUCCESS_CODE_CHANGED, call.operation(), "responses", call.now().pointer() + "/responses",
                    String.join(", ", wasSuccess), isSuccess.isEmpty() ? null : String.join(", ", isSuccess),
                    isSuccess.isEmpty() ? "The operation no longer documents a success: the adapter has no answer to read."
                            : "The adapter takes any 2xx as the old " + String.join("/", wasSuccess)
                            + " answer: check that the vendor's meaning and body did not change with the code.");
        }
    }
}
