package io.execgate.drift;

/** A document that is missing, not YAML/JSON, or not an OpenAPI 3.x document (exit code 2). */
final class UnreadableSpec extends Exception {
    UnreadableSpec(String message) {
        super(message);
    }
}
