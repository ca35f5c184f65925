package io.execgate.drift;

import java.util.List;

/** READ_FIELD_TYPE_CHANGED: a field the adapter reads, still there, has another type. */
final class ReadTypeCheck {

    private ReadTypeCheck() {
    }

    static void compare(CalledOperation call, String code, ReadLocator.Location location, SchemaView oldBody, SchemaView newBody,
                        Findings findings) {
        List<SchemaView> old = ReadLocator.resolve(oldBody, location);
        List<SchemaView> now = ReadLocator.resolve(newBody, location);
        String wasType = SchemaView.typeOf(old);
        String isType = SchemaView.typeOf(now);
        if (!wasType.equals(isType)) {
            findings.add(Kind.READ_FIELD_TYPE_CHANGED, call.operation(), code + " body: " + location.dotted(), now.get(0).pointer(),
                    wasType, isType, location.read().readBy() + " decodes it as " + wasType + ": an answer with a " + isType
                            + " would not decode (502 UPSTREAM_ERROR) or would be misread.");
        }
    }
}
