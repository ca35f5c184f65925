package io.execgate.gateway.follow.webhook;

import java.net.UnknownHostException;

/**
 * A webhook host resolved, but to an address the gateway may not send to (loopback, private,
 * link-local, cloud metadata…). An {@link UnknownHostException} so that an HTTP client's resolver
 * can throw it and the connection is never attempted: to the client the host simply has no usable
 * address.
 */
public final class BlockedTargetException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    BlockedTargetException(String host) {
        super(host + " resolves to a non-public address");
    }
}
