package io.execgate.adapter.http;

/**
 * A vendor's success answer, decoded into its generated model, with the answer it came from (for
 * {@code vendorData} and for a refusal the body itself declares).
 *
 * @param body     the decoded body
 * @param response the vendor's answer
 */
public record Decoded<T>(T body, VendorResponse response) {
}
