package io.execgate.gateway.launch;

import io.execgate.sandbox.Sandbox;

/**
 * The text the demo prints: what runs where, and curl lines to try. Every line does what it says
 * each time it is run: the retries carry an {@code Idempotency-Key}, so a second run replays the
 * first answer instead of asking a vendor to retry an execution that is no longer failed (a vendor
 * that retries the same execution would refuse the second retry).
 */
final class DemoGuide {
    private DemoGuide() {
    }

    /** @param webhooks the demo's webhook receiver, when the demo's caller is notified of every retry; else null */
    static String text(String reason, String gateway, Sandbox sandbox, boolean auth, long startedMillis, String webhooks) {
        String key = auth ? " -H 'Authorization: Bearer <your client key>'" : "";
        StringBuilder out = new StringBuilder()
                .append("\nExecGate ").append(reason).append('\n')
                .append("Gateway: ").append(gateway).append(auth ? " (client keys as configured)" : " (client auth off)")
                .append(", ready in ").append(startedMillis).append(" ms\n")
                .append("Simulated vendors:\n");
        sandbox.simulators().forEach(s -> out.append(String.format("  %-8s %s%n", s.vendor(), s.url())));
        out.append("\nRetry a failed execution at each vendor (202 Accepted; run a line again and its Idempotency-Key\n")
                .append("replays the first answer, Idempotent-Replayed: true, without calling the vendor twice):\n");
        sandbox.simulators().forEach(s -> out.append("  curl -si -X POST").append(key)
                .append(" -H 'Idempotency-Key: demo-").append(s.vendor()).append("' ").append(gateway)
                .append("/v1/executions/").append(s.vendor()).append('/').append(s.failedExecutionId()).append("/retry\n"));
        Sandbox.Simulator example = sandbox.simulators().get(sandbox.simulators().size() - 1);
        String failed = gateway + "/v1/executions/" + example.vendor() + '/' + example.failedExecutionId();
        out.append("\nA problem answer (\"5\" is not an integer; nothing reaches the vendor):\n")
                .append("  curl -si -X POST").append(key).append(' ').append(failed)
                .append("/retry -H 'Content-Type: application/json' -d '{\"maxStepsOverride\":\"5\"}'\n")
                .append("\nRead an execution (a retry's answer names its execution in Location; read that one to follow it):\n")
                .append("  curl -s").append(key).append(' ').append(failed).append('\n')
                .append("Wait for it to end (Prefer: wait=<seconds>; 200 once it has, else the latest state):\n")
                .append("  curl -si").append(key).append(" -H 'Prefer: wait=10' <the Location of a retry's answer>\n");
        if (webhooks != null) {
            out.append("\nCompletion notifications: every retry here is followed, and when it ends a signed event goes to the\n")
                    .append("demo's receiver at ").append(webhooks).append(", which prints it below (\"Webhook received\").\n")
                    .append("Your own receiver: add -d '{\"notify\":{\"url\":\"https://…\"}}' to a retry (README, \"Follow-through\").\n");
        }
        out.append("\nVendors: curl -s").append(key).append(' ').append(gateway).append("/v1/vendors\n")
                .append("API docs: ").append(gateway).append("/docs/ (Swagger UI over ").append(gateway)
                .append("/openapi/gateway.yaml)\n")
                .append("Metrics: curl -s ").append(gateway).append("/prometheus | grep execgate_\n")
                .append("Health: curl -s ").append(gateway).append("/health/readiness\n")
                .append("Traces: start with OTEL_TRACES_EXPORTER=logging to print each request's spans here,"
                        + " or =otlp with OTEL_EXPORTER_OTLP_ENDPOINT for a collector\n")
                .append("Make a vendor misbehave (README, \"Vendor sandbox\"), e.g. its next answer a 429:\n")
                .append("  curl -s -X POST ").append(example.url())
                .append("/_sandbox/faults -H 'Content-Type: application/json' -d '{\"fault\":\"rate-limit=5\",\"times\":1}'\n");
        return out.toString();
    }
}
