package io.execgate.drift;

import io.execgate.api.model.ExecutionStatus;

import java.util.List;
import java.util.Locale;

/**
 * The values of an enum the adapter reads. In the vendor's status field (an enum whose old values
 * the status table maps) they are STATUS_VALUE_UNMAPPED, STATUS_VALUE_MAPPED and
 * MAPPED_VALUE_REMOVED; in any other field a new value is ENUM_VALUE_ADDED.
 */
final class EnumValueCheck {

    private EnumValueCheck() {
    }

    static void compare(CalledOperation call, String code, ReadLocator.Location location, SchemaView oldBody, SchemaView newBody,
                        Findings findings) {
        VendorDependencies adapter = call.adapter();
        String operation = call.operation();
        String field = code + " body: " + location.dotted();
        List<SchemaView> old = ReadLocator.resolve(oldBody, location);
        List<SchemaView> now = ReadLocator.resolve(newBody, location);
        SchemaView.Enumeration was = SchemaView.enumOf(old);
        SchemaView.Enumeration is = SchemaView.enumOf(now);
        if (was.values().isEmpty() || is.values().isEmpty()) {
            return;
        }
        // the status field is the enum whose values the status table already knows
        boolean statusField = adapter.statusColumn() != null
                && was.values().stream().anyMatch(value -> canonical(adapter, value) != ExecutionStatus.UNKNOWN);
        for (String value : is.values()) {
            if (was.values().contains(value)) {
                continue;
            }
            if (!statusField) {
                findings.add(Kind.ENUM_VALUE_ADDED, operation, field, is.pointer(), null, value,
                        location.read().readBy() + " reads this field and has not seen '" + value + "' before.");
            } else if (canonical(adapter, value) == ExecutionStatus.UNKNOWN) {
                findings.add(Kind.STATUS_VALUE_UNMAPPED, operation, field, is.pointer(), null, value,
                        "The status table has no " + adapter.vendor() + " row for '" + value + "': an execution in it would be answered"
                                + " status UNKNOWN (vendorStatus '" + value + "'). Add @ValueMapping(source = \""
                                + value.toLowerCase(Locale.ROOT) + "\", target = ...) to " + adapter.columnOwner() + ".column.");
            } else {
                findings.add(Kind.STATUS_VALUE_MAPPED, operation, field, is.pointer(), null, value,
                        "The status table already maps '" + value + "' to " + canonical(adapter, value) + ".");
            }
        }
        for (String value : was.values()) {
            if (statusField && !is.values().contains(value) && canonical(adapter, value) != ExecutionStatus.UNKNOWN) {
                findings.add(Kind.MAPPED_VALUE_REMOVED, operation, field, was.pointer(), value, null,
                        "The status table still maps '" + value + "' to " + canonical(adapter, value) + " in " + adapter.columnOwner()
                                + ".column, but the vendor no longer documents it: renamed, or gone?");
            }
        }
    }

    private static ExecutionStatus canonical(VendorDependencies adapter, String value) {
        return adapter.statusColumn().canonical(value);
    }
}
