package io.execgate.drift;

import io.execgate.adapter.StatusColumn;

import java.util.List;

/**
 * What one vendor's compiled adapter depends on in that vendor's spec: the operations it calls,
 * the fields it reads, and its column of the status table.
 *
 * @param vendor       the vendor's name (its package under {@code io.execgate.adapter})
 * @param endpoints    the operations it calls, in declaration order
 * @param reads        the response fields it reads
 * @param statusColumn its column of the status table, or null when it has none
 * @param columnOwner  the mapper declaring that column, for messages
 */
record VendorDependencies(String vendor, List<AdapterEndpoint> endpoints, List<AdapterRead> reads,
                          StatusColumn statusColumn, String columnOwner) {
}
