package io.execgate.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/** How a {@link Report} is written: for a terminal, for a pull-request comment, or for a program. */
enum Format {
    TEXT {
        @Override
        String render(Report report) {
            StringBuilder out = new StringBuilder();
            out.append("execgate spec-diff: ").append(report.vendor()).append(", ")
                    .append(report.before()).append(" -> ").append(report.after()).append("\n");
            for (Finding finding : report.findings()) {
                out.append("\n").append(String.format("%-8s %s", finding.severity(), finding.kind()));
                if (finding.operation() != null) {
                    out.append("  ").append(finding.operation());
                }
                out.append("\n");
                if (finding.field() != null) {
                    out.append("  field   ").append(finding.field()).append("\n");
                }
                out.append("  at      ").append(finding.pointer()).append("\n");
                out.append("  change  ").append(change(finding)).append("\n");
                out.append("  impact  ").append(finding.impact()).append("\n");
            }
            out.append("\n").append(report.summary()).append("; --fail-on ").append(report.failOnName())
                    .append(": exit ").append(report.exitCode()).append("\n");
            return out.toString();
        }
    },
    MARKDOWN {
        @Override
        String render(Report report) {
            StringBuilder out = new StringBuilder();
            out.append("### execgate spec-diff: ").append(report.vendor()).append("\n\n")
                    .append("`").append(report.before()).append("` → `").append(report.after()).append("`: **")
                    .append(report.summary()).append("** (`--fail-on ").append(report.failOnName()).append("`: exit ")
                    .append(report.exitCode()).append(")\n");
            if (report.findings().isEmpty()) {
                return out.toString();
            }
            List<Finding> raised = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
            List<Finding> info = report.findings().stream().filter(f -> f.severity() == Severity.INFO).toList();
            if (!raised.isEmpty()) {
                table(out, raised);
            }
            if (!info.isEmpty()) {
                // a PR comment leads with what matters; the generic changes stay one click away
                out.append("\n<details><summary>").append(info.size()).append(" info</summary>\n");
                table(out, info);
                out.append("\n</details>\n");
            }
            return out.toString();
        }

        private void table(StringBuilder out, List<Finding> findings) {
            out.append("\n| Severity | Finding | Where | Change | Impact |\n|---|---|---|---|---|\n");
            for (Finding finding : findings) {
                String where = (finding.operation() == null ? "" : "`" + finding.operation() + "`<br>")
                        + (finding.field() == null ? "" : cell(finding.field()) + "<br>")
                        + "`" + cell(finding.pointer()) + "`";
                out.append("| ").append(finding.severity()).append(" | ").append(finding.kind()).append(" | ")
                        .append(where).append(" | ").append(cell(change(finding))).append(" | ")
                        .append(cell(finding.impact())).append(" |\n");
            }
        }

        private String cell(String text) {
            return text.replace("|", "\\|").replace("\n", " ");
        }
    },
    JSON {
        private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        @Override
        String render(Report report) {
            ObjectNode root = json.createObjectNode();
            root.put("vendor", report.vendor());
            root.put("old", report.before());
            root.put("new", report.after());
            root.put("failOn", report.failOnName());
            root.put("exitCode", report.exitCode());
            ObjectNode summary = root.putObject("summary");
            for (Severity severity : Severity.values()) {
                summary.put(severity.name().toLowerCase(Locale.ROOT), report.count(severity));
            }
            ArrayNode findings = root.putArray("findings");
            report.findings().forEach(finding -> findings.add(json.valueToTree(finding)));
            try {
                return json.writeValueAsString(root) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    abstract String render(Report report);

    static String change(Finding finding) {
        return (finding.before() == null ? "(none)" : finding.before()) + " -> "
                + (finding.after() == null ? "(none)" : finding.after());
    }
}
