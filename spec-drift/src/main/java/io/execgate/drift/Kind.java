package io.execgate.drift;

/** The kinds of finding and their severities; the names are part of the JSON output. */
enum Kind {
    OPERATION_REMOVED(Severity.BREAKING),
    OPERATION_UNDOCUMENTED(Severity.BREAKING),
    AUTH_CHANGED(Severity.BREAKING),
    REQUIRED_PARAMETER_ADDED(Severity.BREAKING),
    REQUIRED_BODY_FIELD_ADDED(Severity.BREAKING),
    READ_FIELD_REMOVED(Severity.BREAKING),
    READ_FIELD_TYPE_CHANGED(Severity.BREAKING),
    SUCCESS_CODE_CHANGED(Severity.BREAKING),
    STATUS_VALUE_UNMAPPED(Severity.DRIFT),
    ENUM_VALUE_ADDED(Severity.DRIFT),
    MAPPED_VALUE_REMOVED(Severity.DRIFT),
    ERROR_CODE_UNTRANSLATED(Severity.DRIFT),
    STATUS_VALUE_MAPPED(Severity.INFO),
    ERROR_CODE_TRANSLATED(Severity.INFO),
    OPERATION_DOCUMENTED(Severity.INFO),
    SCHEMA_MOVED(Severity.INFO),
    ADDED(Severity.INFO),
    REMOVED(Severity.INFO),
    CHANGED(Severity.INFO);

    final Severity severity;

    Kind(Severity severity) {
        this.severity = severity;
    }

    Finding at(String operation, String field, String pointer, String before, String after, String impact) {
        return new Finding(severity, name(), operation, field, pointer, before, after, impact);
    }
}
