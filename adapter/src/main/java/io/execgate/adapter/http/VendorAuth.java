package io.execgate.adapter.http;

/**
 * How a vendor expects its key: as {@code Authorization: Bearer <key>} or in a header of its own.
 * Only {@link VendorClient} ever sees the key itself.
 */
public record VendorAuth(String headerName, boolean bearerScheme) {

    public static VendorAuth bearer() {
        return new VendorAuth("Authorization", true);
    }

    public static VendorAuth header(String headerName) {
        return new VendorAuth(headerName, false);
    }

    String headerValue(String key) {
        return bearerScheme ? "Bearer " + key : key;
    }
}
