package io.execgate.drift

import groovy.json.JsonSlurper

/** One run of the command as a user runs it: arguments in, exit code and both streams out. */
class SpecDiffRun {
    static final String FIXTURES = 'src/test/resources/drift'
    /** Real published Skyvern documents, beside the repository (../shared/vendor-history/skyvern). */
    static final File HISTORY = new File(System.getProperty('execgate.root', '..'), '../shared/vendor-history/skyvern')

    final int exitCode
    final String out
    final String err

    private SpecDiffRun(int exitCode, String out, String err) {
        this.exitCode = exitCode
        this.out = out
        this.err = err
    }

    static SpecDiffRun of(String... args) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = SpecDiff.run(args, new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'))
        new SpecDiffRun(code, out.toString('UTF-8'), err.toString('UTF-8'))
    }

    /** A fixture pair: {@code drift/<vendor>/old.yaml} against {@code drift/<vendor>/<change>.yaml}. */
    static SpecDiffRun fixture(String vendor, String change, String... options) {
        of(*(["$FIXTURES/$vendor/old.yaml", "$FIXTURES/$vendor/${change}.yaml"] + options.toList()) as String[])
    }

    /** Two documents, given as YAML trees, written to {@code dir} as old.yaml and new.yaml: the files to compare. */
    static List<File> written(java.nio.file.Path dir, Object old, Object now) {
        def yaml = new org.yaml.snakeyaml.Yaml()
        def before = dir.resolve('old.yaml').toFile()
        def after = dir.resolve('new.yaml').toFile()
        before.text = yaml.dump(old)
        after.text = yaml.dump(now)
        [before, after]
    }

    Map json() {
        new JsonSlurper().parseText(out) as Map
    }
}
