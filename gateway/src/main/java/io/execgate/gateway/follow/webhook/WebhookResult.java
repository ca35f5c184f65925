package io.execgate.gateway.follow.webhook;

import io.micronaut.core.annotation.Nullable;

/**
 * How one delivery attempt went: the receiver's status when it answered, or why it did not.
 * Whether to try again is the caller's decision; this only says what happened.
 *
 * @param status  the receiver's HTTP status; 0 when it did not answer
 * @param failure null when the receiver answered (whatever the status), else why there was no answer
 */
public record WebhookResult(int status, @Nullable Failure failure) {

    /** Why a receiver gave no answer. */
    public enum Failure {
        /** No answer within {@code execgate.follow.delivery-timeout}, connecting included. */
        TIMEOUT,
        /** The connection was refused: nothing listens there (now). */
        REFUSED,
        /** The host now resolves to a non-public address, so nothing was sent (nor connected). */
        BLOCKED,
        /** Anything else: the host did not resolve, TLS failed, the connection broke… */
        ERROR
    }

    static WebhookResult answered(int status) {
        return new WebhookResult(status, null);
    }

    static WebhookResult failed(Failure failure) {
        return new WebhookResult(0, failure);
    }

    /** The receiver took the notification: it answered with a 2xx. */
    public boolean delivered() {
        return failure == null && status >= 200 && status < 300;
    }
}
