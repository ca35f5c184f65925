package io.execgate.gateway.follow.webhook;
// TEMPORARY stand-in until the webhook branch lands
import io.execgate.gateway.follow.FollowProperties;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
@Singleton
public final class WebhookSender {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final FollowProperties p;
    WebhookSender(FollowProperties p) { this.p = p; }
    public CompletableFuture<WebhookResult> send(URI url, String id, long ts, byte[] body, byte[] key, String traceparent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(p.deliveryTimeout()).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", StandardWebhooks.sign(key, id, ts, body));
        if (traceparent != null) b.header("traceparent", traceparent);
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
                .handle((r, f) -> r != null ? new WebhookResult(r.statusCode(), null) : new WebhookResult(0, WebhookResult.Failure.ERROR));
    }
}
