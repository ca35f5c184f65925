package io.execgate.gateway.follow.webhook;
// TEMPORARY stand-in until the webhook branch lands
public record WebhookResult(int status, Failure failure) {
    public enum Failure { TIMEOUT, REFUSED, BLOCKED, ERROR }
    public boolean delivered() { return failure == null && status >= 200 && status < 300; }
}
