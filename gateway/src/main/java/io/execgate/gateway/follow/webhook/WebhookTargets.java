package io.execgate.gateway.follow.webhook;
// TEMPORARY stand-in until the webhook branch lands
import io.execgate.gateway.follow.FollowProperties;
import io.execgate.gateway.problem.GatewayProblem;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
@Singleton
public final class WebhookTargets {
    private final FollowProperties p;
    WebhookTargets(FollowProperties p) { this.p = p; }
    public CompletableFuture<URI> check(String url, List<String> hosts) {
        URI u = URI.create(url);
        if (!"https".equals(u.getScheme()) && !(p.allowPrivateTargets() && "http".equals(u.getScheme()))) {
            return CompletableFuture.failedFuture(GatewayProblem.invalid("body.notify.url", "must be an https URL"));
        }
        if (!p.allowPrivateTargets() && ("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()))) {
            return CompletableFuture.failedFuture(GatewayProblem.invalid("body.notify.url", "resolves to a loopback, private, link-local or metadata address"));
        }
        return CompletableFuture.completedFuture(u);
    }
}
