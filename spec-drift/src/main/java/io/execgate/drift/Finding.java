package io.execgate.drift;

/**
 * One reported change.
 *
 * @param severity  what it means for the gateway
 * @param kind      a stable name for the kind of change (docs/spec-drift.md lists them)
 * @param operation the vendor operation concerned, {@code "POST /path"}, or null
 * @param field     the response field or request part concerned, e.g. {@code "201 body: status"}, or null
 * @param pointer   JSON pointer into the document that shows the change (the new one, or the old one
 *                  for something removed)
 * @param before    the old state, or null when there was none
 * @param after     the new state, or null when there is none
 * @param impact    what the change does to this gateway, in a sentence
 */
public record Finding(Severity severity, String kind, String operation, String field, String pointer,
                      String before, String after, String impact) {
}
