package io.execgate.adapter.http;

/**
 * What a vendor answered, kept raw so that an odd answer (empty, HTML, wrong type) can still be
 * passed on to the caller in the vendor's own words.
 *
 * @param status      the vendor's HTTP status
 * @param contentType the vendor's Content-Type, or null
 * @param retryAfter  the vendor's Retry-After, or null
 * @param body        the body bytes, empty when there was none
 */
public record VendorResponse(int status, String contentType, String retryAfter, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
