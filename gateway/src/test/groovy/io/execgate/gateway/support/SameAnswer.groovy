package io.execgate.gateway.support

import java.time.OffsetDateTime
import java.time.format.DateTimeParseException

/**
 * Compares an answer a document shows (an API example, a README block) with a real one, member for
 * member. Only a fresh id or time may differ: where the strings differ, both are date-times, or
 * they differ only in runs of hex digits.
 */
class SameAnswer {
    /** Where {@code actual} differs from {@code example} beyond a fresh id or time. */
    static List<String> differences(Object example, Object actual, String at = '') {
        if (example instanceof Map && actual instanceof Map) {
            def keys = (example.keySet() + actual.keySet()) as Set
            return keys.collectMany { key ->
                !example.containsKey(key) ? ["$at/$key: in the answer, not in the example".toString()]
                        : !actual.containsKey(key) ? ["$at/$key: in the example, not in the answer".toString()]
                        : differences(example[key], actual[key], "$at/$key")
            }
        }
        if (example instanceof List && actual instanceof List) {
            if (example.size() != actual.size()) {
                return ["$at: ${example.size()} items in the example, ${actual.size()} in the answer".toString()]
            }
            return (0..<example.size()).collectMany { differences(example[it], actual[it], "$at/$it") }
        }
        if (example instanceof String && actual instanceof String) {
            return sameButFresh(example, actual) ? [] : ["$at: example '$example', answer '$actual'".toString()]
        }
        example == actual ? [] : ["$at: example $example, answer $actual".toString()]
    }

    private static boolean sameButFresh(String example, String actual) {
        example == actual || (dateTime(example) && dateTime(actual)) ||
                example.replaceAll(/[0-9a-f]{4,}/) { it.length() + 'hex' } == actual.replaceAll(/[0-9a-f]{4,}/) { it.length() + 'hex' }
    }

    private static boolean dateTime(String text) {
        try {
            OffsetDateTime.parse(text)
            true
        } catch (DateTimeParseException ignored) {
            false
        }
    }
}
