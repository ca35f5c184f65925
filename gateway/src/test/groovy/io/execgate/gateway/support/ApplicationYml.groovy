package io.execgate.gateway.support

import org.yaml.snakeyaml.Yaml

import java.nio.file.Files

/**
 * {@code gateway/src/main/resources/application.yml} as shipped, and with its commented examples
 * uncommented: a line {@code # key: value} (or {@code #   key:}) at any indentation becomes
 * {@code key: value} there. Explanatory comments are prose and never start with {@code word:}.
 */
class ApplicationYml {
    static final String TEXT = Files.readString(Gateway.ROOT.resolve('gateway/src/main/resources/application.yml'))

    static String uncommented() {
        TEXT.readLines().collect { it.replaceFirst(/^(\s*)# (\s*[\w-]+:(\s.*)?)$/, '$1$2') }.join('\n')
    }

    /** The properties a YAML text sets, flattened to {@code a.b.c} names with their values. */
    static Map<String, Object> properties(String yaml) {
        flatten(new Yaml().load(yaml), '')
    }

    private static Map<String, Object> flatten(Object node, String prefix) {
        node instanceof Map
                ? node.collectEntries { key, value -> flatten(value, prefix ? "$prefix.$key" : key as String) }
                : [(prefix): node]
    }
}
