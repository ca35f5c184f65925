package io.execgate.gateway.connection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code execgate.server.*}: how long a client may take to send a request, after nginx's
 * {@code client_header_timeout}, {@code client_body_timeout} and {@code keepalive_timeout}.
 * Micronaut's own {@code micronaut.server.idle-timeout} (5 minutes, reset by every byte) is no
 * bound on a client that trickles a request, and it also runs while the gateway waits on a vendor.
 *
 * @param headerTimeout    from a request's first byte to the end of its headers; also how long a new
 *                         connection may stay silent before its first request
 * @param bodyTimeout      from the end of the headers to the end of the body (the whole body, not
 *                         between two reads as in nginx: a body is at most 64 KB)
 * @param keepAliveTimeout how long a connection may wait, answered, for its next request
 */
@ConfigurationProperties("execgate.server")
public record ConnectionProperties(@Bindable(defaultValue = "10s") Duration headerTimeout,
                                   @Bindable(defaultValue = "20s") Duration bodyTimeout,
                                   @Bindable(defaultValue = "75s") Duration keepAliveTimeout) {
}
