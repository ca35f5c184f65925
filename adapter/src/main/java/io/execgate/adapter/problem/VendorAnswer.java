package io.execgate.adapter.problem;

/**
 * The part of a vendor's answer a problem document carries.
 *
 * @param vendor     the vendor's path name
 * @param httpStatus the vendor's HTTP status
 * @param error      the vendor's body: parsed JSON, or text cut to 2 KB; secrets already masked
 * @param retryAfter the vendor's Retry-After header, or null
 */
public record VendorAnswer(String vendor, int httpStatus, Object error, String retryAfter) {
}
