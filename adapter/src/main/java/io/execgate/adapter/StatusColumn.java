package io.execgate.adapter;

import io.execgate.api.model.ExecutionStatus;
import org.mapstruct.Named;

import java.util.Locale;

/**
 * A vendor's column of the canonical status table. Each vendor mapper declares {@link #column}
 * as MapStruct {@code @ValueMapping}s over lower-case values, ending in
 * {@code ANY_UNMAPPED → UNKNOWN} and {@code NULL → UNKNOWN}; matching ignores case.
 */
public interface StatusColumn {

    /** The vendor's column, over lower-case values. */
    ExecutionStatus column(String lowerCaseStatus);

    @Named("canonical")
    default ExecutionStatus canonical(String vendorStatus) {
        return column(vendorStatus == null ? null : vendorStatus.toLowerCase(Locale.ROOT));
    }
}
