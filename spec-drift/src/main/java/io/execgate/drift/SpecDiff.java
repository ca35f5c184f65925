package io.execgate.drift;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code execgate spec-diff <old-spec> <new-spec> [--vendor NAME] [--format text|markdown|json|sarif]
 * [--fail-on breaking|drift|none] [--min-severity breaking|drift|info] [--details] [--accept FILE]}: what a new version of a vendor's OpenAPI document does to this
 * gateway. Exit 0 when nothing is at or above {@code --fail-on} (default {@code drift}), 1 when
 * something is, 2 for unreadable input or a usage error.
 */
public final class SpecDiff {
    static final String USAGE = "usage: execgate spec-diff <old-spec> <new-spec> [--vendor NAME]"
            + " [--format text|markdown|json|sarif] [--fail-on breaking|drift|none] [--min-severity breaking|drift|info] [--details] [--accept FILE]";
    private static final int USAGE_ERROR = 2;

    private SpecDiff() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("spec-diff: " + e.getMessage());
            err.println(USAGE);
            return USAGE_ERROR;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        try {
            SpecDocument before = SpecDocument.read(options.before);
            SpecDocument after = SpecDocument.read(options.after);
            VendorDependencies adapter = adapterFor(options.vendor, before, after);
            Report report = new Report(adapter.vendor(), options.before, options.after,
                    findings(adapter, before, after), options.failOn, options.listFrom,
                    options.accept == null ? Acceptance.NONE : Acceptance.read(options.accept));
            out.print(options.format.render(report));
            out.flush();
            return report.exitCode();
        } catch (UnreadableSpec | IllegalArgumentException e) {
            err.println("spec-diff: " + e.getMessage());
            return USAGE_ERROR;
        }
    }

    /** The adapter's findings first, then every other difference, minus those the first already explain. */
    static List<Finding> findings(VendorDependencies adapter, SpecDocument before, SpecDocument after) {
        List<Finding> findings = new ArrayList<>(DependencyCheck.compare(adapter, before, after));
        List<String> explained = findings.stream().map(Finding::pointer).toList();
        // one edit repeated in several operations (a tag renamed, a description reworded) is one finding
        Map<List<String>, List<DocumentDiff.Change>> alike = new LinkedHashMap<>();
        for (DocumentDiff.Change change : DocumentDiff.between(before.tree, after.tree)) {
            boolean covered = explained.stream().anyMatch(pointer -> Pointer.within(change.pointer(), pointer)
                    || (change.kind() != Kind.CHANGED && Pointer.within(pointer, change.pointer())));
            if (!covered) {
                String inOperation = operationOf(change.pointer()) == null ? null : withinOperation(change.pointer());
                List<String> key = change.kind() == Kind.SCHEMA_MOVED ? List.of(change.kind().name(), change.after())
                        : inOperation == null || inOperation.isEmpty() ? List.of(change.pointer())
                        : Arrays.asList(change.kind().name(), inOperation, change.before(), change.after());
                alike.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
            }
        }
        String impact = "Nothing the " + adapter.vendor() + " adapter calls, sends or reads.";
        renamed(alike).forEach(changes -> {
            DocumentDiff.Change first = changes.get(0);
            if (first.kind() == Kind.SCHEMA_MOVED) {
                findings.add(moved(changes, impact));
                return;
            }
            String operations = String.join(", ", changes.stream().map(change -> operationOf(change.pointer())).toList());
            findings.add(first.kind().at(operationOf(first.pointer()) == null ? null : operations, null, first.pointer(),
                    first.before(), first.after(), changes.size() == 1 ? impact
                            : impact + " The same change in " + changes.size() + " operations; the pointer is the first's."));
        });
        return findings;
    }

    /**
     * The groups of alike changes, a value taken out of the same list of the same operations as
     * another is put in (a tag renamed) made one CHANGED group, when neither could pair otherwise.
     */
    private static List<List<DocumentDiff.Change>> renamed(Map<List<String>, List<DocumentDiff.Change>> alike) {
        List<List<DocumentDiff.Change>> groups = new ArrayList<>(alike.values());
        Map<List<String>, List<Integer>> removed = new LinkedHashMap<>();
        Map<List<String>, List<Integer>> added = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            List<DocumentDiff.Change> group = groups.get(i);
            if (group.size() > 1 && (group.get(0).kind() == Kind.REMOVED || group.get(0).kind() == Kind.ADDED)) {
                List<String> where = group.stream().map(DocumentDiff.Change::pointer).toList();
                (group.get(0).kind() == Kind.REMOVED ? removed : added).computeIfAbsent(where, k -> new ArrayList<>()).add(i);
            }
        }
        List<Integer> dropped = new ArrayList<>();
        removed.forEach((where, was) -> {
            List<Integer> is = added.get(where);
            if (was.size() == 1 && is != null && is.size() == 1) {
                List<DocumentDiff.Change> from = groups.get(was.get(0));
                String after = groups.get(is.get(0)).get(0).after();
                groups.set(was.get(0), from.stream().map(change -> new DocumentDiff.Change(Kind.CHANGED, change.pointer(),
                        change.before(), after)).toList());
                dropped.add(is.get(0));
            }
        });
        List<List<DocumentDiff.Change>> kept = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!dropped.contains(i)) {
                kept.add(groups.get(i));
            }
        }
        return kept;
    }

    /**
     * One finding for a schema moved to (or from, or between) components, wherever it was: before
     * lists the places it was (inline, or the component referenced), after where it is now.
     */
    private static Finding moved(List<DocumentDiff.Change> changes, String impact) {
        DocumentDiff.Change first = changes.get(0);
        List<String> operations = changes.stream().map(change -> operationOf(change.pointer()))
                .filter(java.util.Objects::nonNull).distinct().toList();
        String was = String.join(", ", changes.stream().map(DocumentDiff.Change::before).distinct().toList());
        int places = changes.size();
        return Kind.SCHEMA_MOVED.at(operations.isEmpty() ? null : String.join(", ", operations), null, first.pointer(),
                was, first.after(), impact + " The same content, now at " + first.after()
                        + (places == 1 ? "" : " from " + places + " places; the pointer is the first's")
                        + ": nothing changed once $ref is resolved.");
    }

    /** What follows {@code /paths/<path>/<method>} in a pointer inside an operation. */
    private static String withinOperation(String pointer) {
        String[] tokens = pointer.split("/", 5);
        return tokens.length < 5 ? "" : tokens[4];
    }

    /** {@code POST /path} for a pointer inside an operation, else null. */
    private static String operationOf(String pointer) {
        String[] tokens = pointer.split("/");
        if (tokens.length >= 4 && tokens[1].equals("paths")
                && List.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(tokens[3])) {
            return tokens[3].toUpperCase(Locale.ROOT) + " " + Pointer.unescape(tokens[2]);
        }
        return null;
    }

    /**
     * The named vendor, or the one vendor whose every endpoint one document or the other describes
     * (an operation may be new, or gone, in the change compared). When several do, the one whose
     * every endpoint both describe; when that leaves not exactly one, the error says why.
     */
    private static VendorDependencies adapterFor(String vendor, SpecDocument before, SpecDocument after) {
        Map<String, VendorDependencies> vendors = AdapterScan.vendors();
        if (vendor != null) {
            VendorDependencies named = vendors.get(vendor.toLowerCase(Locale.ROOT));
            if (named == null) {
                throw new IllegalArgumentException("unknown vendor '" + vendor + "' (known: " + String.join(", ", vendors.keySet()) + ")");
            }
            return named;
        }
        List<VendorDependencies> inEither = vendors.values().stream()
                .filter(candidate -> !candidate.endpoints().isEmpty() && candidate.endpoints().stream()
                        .allMatch(endpoint -> before.operation(endpoint.endpoint()).isPresent() || after.operation(endpoint.endpoint()).isPresent()))
                .toList();
        if (inEither.size() == 1) {
            return inEither.get(0);
        }
        List<VendorDependencies> inBoth = inEither.stream()
                .filter(candidate -> candidate.endpoints().stream()
                        .allMatch(endpoint -> before.operation(endpoint.endpoint()).isPresent() && after.operation(endpoint.endpoint()).isPresent()))
                .toList();
        if (inBoth.size() == 1) {
            return inBoth.get(0);
        }
        String why;
        if (inEither.isEmpty()) {
            List<String> partial = new ArrayList<>();
            for (VendorDependencies candidate : vendors.values()) {
                List<String> missing = candidate.endpoints().stream()
                        .filter(endpoint -> before.operation(endpoint.endpoint()).isEmpty() && after.operation(endpoint.endpoint()).isEmpty())
                        .map(AdapterEndpoint::operation).toList();
                if (missing.size() < candidate.endpoints().size()) {
                    partial.add(candidate.vendor() + " calls " + candidate.endpoints().size() + ", neither document has "
                            + String.join(", ", missing));
                }
            }
            why = "no adapter has every operation it calls in either document"
                    + (partial.isEmpty() ? "" : " (" + String.join("; ", partial) + ")");
        } else {
            why = String.join(", ", inEither.stream().map(VendorDependencies::vendor).toList())
                    + " each have every operation they call in the documents";
        }
        throw new IllegalArgumentException("cannot tell which vendor " + before.name
                + " belongs to; pass --vendor (" + String.join(", ", vendors.keySet()) + "): " + why);
    }

    /** Parsed command line. */
    static final class Options {
        String before;
        String after;
        String vendor;
        Format format = Format.TEXT;
        Severity failOn = Severity.DRIFT;
        /** Quiet by default: what a change breaks or drifts is listed, the rest is counted. */
        Severity listFrom = Severity.DRIFT;
        String accept;
        boolean help;

        static Options parse(String[] args) {
            Options options = new Options();
            List<String> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (name.equals("-h") || name.equals("--help")) {
                    options.help = true;
                    return options;
                }
                if (name.equals("--details") && !arg.contains("=")) {
                    options.listFrom = Severity.INFO;
                    continue;
                }
                if (!name.startsWith("--")) {
                    files.add(arg);
                    continue;
                }
                if (!List.of("--vendor", "--format", "--fail-on", "--min-severity", "--accept").contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name);
                }
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--vendor" -> options.vendor = value;
                    case "--format" -> options.format = choice(name, value, Format.class);
                    case "--fail-on" -> options.failOn = value.equalsIgnoreCase("none") ? null : choice(name, value, Severity.class);
                    case "--min-severity" -> options.listFrom = choice(name, value, Severity.class);
                    case "--accept" -> options.accept = value;
                    default -> throw new IllegalStateException(name);
                }
            }
            if (files.size() != 2) {
                throw new IllegalArgumentException("expected two documents, <old-spec> <new-spec>; got " + files.size());
            }
            options.before = files.get(0);
            options.after = files.get(1);
            if (options.failOn == Severity.INFO) {
                throw new IllegalArgumentException("--fail-on takes breaking, drift or none");
            }
            return options;
        }

        private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String choices = type == Format.class ? "text, markdown, json or sarif"
                        : option.equals("--min-severity") ? "breaking, drift or info" : "breaking, drift or none";
                throw new IllegalArgumentException(option + " takes " + choices
                        + ", not '" + value + "'");
            }
        }
    }
}
