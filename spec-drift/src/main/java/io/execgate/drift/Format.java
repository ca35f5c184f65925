package io.execgate.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a {@link Report} is written: for a terminal, for a pull-request comment, or for a program. */
enum Format {
    TEXT {
        @Override
        String render(Report report) {
            StringBuilder out = new StringBuilder();
            out.append("execgate spec-diff: ").append(report.vendor()).append(", ")
                    .append(report.before()).append(" -> ").append(report.after()).append("\n");
            for (Finding finding : report.listed()) {
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
                if (report.acceptedBecause(finding) != null) {
                    out.append("  accepted ").append(report.acceptedBecause(finding)).append(" (--accept; sets no exit code)\n");
                }
            }
            Map<String, List<Finding>> summed = report.summed();
            if (!summed.isEmpty()) {
                // a terminal or a CI log leads with what matters: the rest is a count and a taste of it
                out.append("\n").append(notListed(report)).append(", by kind (--details lists each):\n");
                summed.forEach((kind, findings) -> {
                    out.append(String.format("%-8s %s: %d", findings.get(0).severity(), kind, findings.size()))
                            .append(findings.size() > EXAMPLES ? ", e.g." : "").append("\n");
                    findings.stream().limit(EXAMPLES).forEach(finding -> out.append("  ").append(example(finding)).append("\n"));
                });
            }
            for (Acceptance.Entry entry : report.stale()) {
                out.append("\nSTALE    --accept ").append(entry.kind()).append(" ").append(entry.pointer())
                        .append(": matches no finding; remove it (").append(entry.reason()).append(")\n");
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
            if (report.findings().isEmpty() && report.stale().isEmpty()) {
                return out.toString();
            }
            String summed = summed(report);
            StringBuilder stale = new StringBuilder();
            for (Acceptance.Entry entry : report.stale()) {
                stale.append("\n**Stale `--accept` entry**: `").append(entry.kind()).append(" ").append(entry.pointer())
                        .append("` matches no finding; remove it (").append(cell(entry.reason())).append(").\n");
            }
            List<Finding> raised = report.listed().stream().filter(f -> f.severity() != Severity.INFO).toList();
            List<Finding> info = report.listed().stream().filter(f -> f.severity() == Severity.INFO).toList();
            // the tables give way, row by row, to the counts and the note that says what was left out
            int budget = MARKDOWN_LIMIT - summed.length() - stale.length() - 1_000;
            int omitted = 0;
            if (!raised.isEmpty()) {
                omitted += table(out, report, raised, budget);
            }
            if (!info.isEmpty()) {
                // a PR comment leads with what matters; the generic changes stay one click away
                out.append("\n<details><summary>").append(info.size()).append(" info</summary>\n");
                omitted += table(out, report, info, budget);
                out.append("\n</details>\n");
            }
            out.append(summed).append(stale);
            if (omitted > 0) {
                out.append("\n_").append(omitted).append(" more not shown: a comment is kept under ")
                        .append(String.format(Locale.ROOT, "%,d", MARKDOWN_LIMIT)).append(" characters. `--format json` lists every finding._\n");
            }
            return out.toString();
        }

        /** Appends the rows that fit within budget; returns how many did not. */
        private int table(StringBuilder out, Report report, List<Finding> findings, int budget) {
            out.append("\n| Severity | Finding | Where | Change | Impact |\n|---|---|---|---|---|\n");
            int shown = 0;
            for (Finding finding : findings) {
                String where = (finding.operation() == null ? "" : "`" + finding.operation() + "`<br>")
                        + (finding.field() == null ? "" : cell(finding.field()) + "<br>")
                        + "`" + cell(finding.pointer()) + "`";
                String accepted = report.acceptedBecause(finding) == null ? "" : " **Accepted:** " + cell(report.acceptedBecause(finding));
                String row = "| " + finding.severity() + " | " + finding.kind() + " | " + where + " | "
                        + cell(change(finding)) + " | " + cell(finding.impact()) + accepted + " |\n";
                if (out.length() + row.length() > budget) {
                    break;
                }
                out.append(row);
                shown++;
            }
            return findings.size() - shown;
        }

        private String summed(Report report) {
            Map<String, List<Finding>> summed = report.summed();
            if (summed.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder("\n<details><summary>" + notListed(report) + ", by kind (<code>--details</code> lists each)</summary>\n\n"
                    + "| Severity | Finding | Count | For example |\n|---|---|---|---|\n");
            summed.forEach((kind, findings) -> out.append("| ").append(findings.get(0).severity()).append(" | ").append(kind)
                    .append(" | ").append(findings.size()).append(" | ")
                    .append(String.join("<br>", findings.stream().limit(EXAMPLES).map(f -> "`" + cell(example(f)) + "`").toList()))
                    .append(" |\n"));
            return out.append("\n</details>\n").toString();
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
            report.findings().forEach(finding -> {
                ObjectNode node = json.valueToTree(finding);
                if (report.acceptedBecause(finding) != null) {
                    node.put("accepted", report.acceptedBecause(finding));
                }
                findings.add(node);
            });
            if (!report.stale().isEmpty()) {
                ArrayNode stale = root.putArray("staleAccepted");
                report.stale().forEach(entry -> stale.addObject().put("kind", entry.kind()).put("pointer", entry.pointer())
                        .put("reason", entry.reason()));
            }
            try {
                return json.writeValueAsString(root) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    },

    SARIF {
        private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        /**
         * SARIF 2.1.0 for code scanning: one result per BREAKING (error) or DRIFT (warning) finding,
         * at its line in the new document; INFO is no alert.
         */
        @Override
        String render(Report report) {
            ObjectNode root = json.createObjectNode();
            root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            root.put("version", "2.1.0");
            ObjectNode run = root.putArray("runs").addObject();
            ObjectNode driver = run.putObject("tool").putObject("driver");
            driver.put("name", "execgate spec-diff");
            ArrayNode rules = driver.putArray("rules");
            List<String> ruleIds = new java.util.ArrayList<>();
            for (Kind kind : Kind.values()) {
                if (kind.severity != Severity.INFO) {
                    ruleIds.add(kind.name());
                    ObjectNode rule = rules.addObject();
                    rule.put("id", kind.name());
                    rule.putObject("shortDescription").put("text", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                    rule.putObject("defaultConfiguration").put("level", level(kind.severity));
                }
            }
            SourceLocations positions = SourceLocations.of(report.after());
            ArrayNode results = run.putArray("results");
            for (Finding finding : report.findings()) {
                if (finding.severity() == Severity.INFO) {
                    continue;
                }
                ObjectNode result = results.addObject();
                result.put("ruleId", finding.kind());
                result.put("ruleIndex", ruleIds.indexOf(finding.kind()));
                result.put("level", level(finding.severity()));
                result.putObject("message").put("text", (finding.operation() == null ? "" : finding.operation() + ": ")
                        + (finding.field() == null ? "" : finding.field() + ": ") + change(finding) + ". " + finding.impact());
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri(report.after()));
                SourceLocations.Position position = positions.at(finding.pointer());
                if (position != null) {
                    physical.putObject("region").put("startLine", position.line()).put("startColumn", position.column());
                }
                if (report.acceptedBecause(finding) != null) {
                    result.putArray("suppressions").addObject().put("kind", "external")
                            .put("justification", report.acceptedBecause(finding));
                }
                result.putObject("properties").put("pointer", finding.pointer());
            }
            try {
                return json.writeValueAsString(root) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private String level(Severity severity) {
            return severity == Severity.BREAKING ? "error" : "warning";
        }

        /** The file as given, as a URI reference (relative to where the command ran when relative). */
        private String uri(String file) {
            try {
                return new java.net.URI(null, null, file.replace('\\', '/'), null).toString();
            } catch (java.net.URISyntaxException e) {
                return file;
            }
        }
    };

    /** GitHub refuses a comment over 65,536 characters; this leaves room for what a workflow adds. */
    static final int MARKDOWN_LIMIT = 60_000;
    /** How many findings of a kind below {@code --min-severity} are shown as examples. */
    static final int EXAMPLES = 3;
    /** An example is one line: long pointers are cut. */
    private static final int EXAMPLE_WIDTH = 110;

    abstract String render(Report report);

    /** {@code 253 info findings not listed}, or with several severities, {@code 3 drift and 253 info findings not listed}. */
    static String notListed(Report report) {
        List<String> counts = new java.util.ArrayList<>();
        for (Severity severity : Severity.values()) {
            if (!severity.atLeast(report.listFrom()) && report.count(severity) > 0) {
                counts.add(report.count(severity) + " " + severity.name().toLowerCase(Locale.ROOT));
            }
        }
        long total = report.findings().size() - report.listed().size();
        return String.join(" and ", counts) + (total == 1 ? " finding" : " findings") + " not listed";
    }

    /** One line naming a finding: its operation, if any, and where. */
    static String example(Finding finding) {
        String operation = finding.operation();
        if (operation != null && operation.contains(", ")) {
            // one change in many operations: the first names it, the count says how widespread
            operation = operation.substring(0, operation.indexOf(", ")) + " (+" + (operation.split(", ").length - 1) + " more)";
        }
        String text = (operation == null ? "" : operation + "  ") + finding.pointer();
        return text.length() <= EXAMPLE_WIDTH ? text : text.substring(0, EXAMPLE_WIDTH - 1) + "…";
    }

    static String change(Finding finding) {
        return (finding.before() == null ? "(none)" : finding.before()) + " -> "
                + (finding.after() == null ? "(none)" : finding.after());
    }
}
