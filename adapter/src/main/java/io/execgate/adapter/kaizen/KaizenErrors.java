package io.execgate.adapter.kaizen;

import io.execgate.adapter.problem.VendorErrorTable;

/**
 * Kaizen's error answers over HTTP: the standard table (401/403 key rejected, 404, 429). Its
 * refusal to retry comes as HTTP 200 {@code success:false} and is handled by the adapter.
 */
final class KaizenErrors {
    static final VendorErrorTable TABLE = VendorErrorTable.standard();

    private KaizenErrors() {
    }
}
