package io.execgate.gateway.follow;

import io.execgate.gateway.follow.queue.FollowJob;
import io.execgate.gateway.follow.queue.FollowQueue;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ProblemCode;
import io.execgate.gateway.config.ClientProperties;
import io.execgate.gateway.follow.webhook.WebhookTargets;
import io.execgate.gateway.problem.GatewayProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The request side of completion notifications: whether a retry asks for one and may have it (before
 * the vendor is called), and, once the vendor accepted the retry, the watch that will send it.
 */
@Singleton
public final class Notifications {
    /** No notification asked for: most retries, answered without a stage more than a retry without follow-through. */
    public static final CompletableFuture<Optional<URI>> NONE = CompletableFuture.completedFuture(Optional.empty());
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final Map<String, ClientProperties> clients;
    private final WebhookTargets targets;
    private final FollowQueue queue;
    private final FollowProperties properties;
    private final JsonMapper json;

    Notifications(List<ClientProperties> clients, WebhookTargets targets, FollowQueue queue, FollowProperties properties,
                  JsonMapper json) {
        this.clients = clients.stream().collect(Collectors.toMap(ClientProperties::name, Function.identity()));
        this.targets = targets;
        this.queue = queue;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Where the notification of {@code client}'s retry goes, checked: {@code asked} (the body's
     * {@code notify.url}), else the client's {@code webhook-url}; empty when there is neither, or when
     * only the client's default applies and the vendor cannot be followed. Fails with the problem to
     * answer: 501 when the retry asks of a vendor without a read operation, 400 when the client has no
     * secret or the URL it asked for is not a safe target. The client's default URL failing the check
     * (its host no longer resolves, or resolves to a private address) is logged, and the retry goes on
     * without a notification: the request is not at fault.
     */
    public CompletableFuture<Optional<URI>> target(String client, @Nullable String asked, boolean followable) {
        ClientProperties settings = clients.get(client);
        String url = asked != null ? asked : settings == null ? null : settings.webhookUrl();
        if (url == null || (asked == null && !followable)) {
            return NONE;
        }
        if (!followable) {
            return CompletableFuture.failedFuture(GatewayProblem.of(ProblemCode.OPERATION_NOT_SUPPORTED));
        }
        if (settings == null || settings.webhookSecret() == null) {
            return CompletableFuture.failedFuture(GatewayProblem.invalid("body.notify",
                    "this client has no webhook secret to sign notifications with (execgate.clients." + client
                            + ".webhook-secret)"));
        }
        CompletableFuture<Optional<URI>> checked = targets.check(url, settings.webhookHosts()).thenApply(Optional::of);
        if (asked != null) {
            return checked;
        }
        // the client's default, not this request, is at fault: the retry goes on, unnotified, and says so
        return checked.exceptionally(refused -> {
            Throwable cause = refused instanceof CompletionException && refused.getCause() != null ? refused.getCause() : refused;
            LOG.warn("Client {}: its webhook-url is not a target notifications may go to now ({}); this retry is not notified",
                    client, cause instanceof GatewayProblem problem && !problem.errors().isEmpty()
                            ? problem.errors().get(0).getMessage() : cause.getClass().getName());
            return Optional.empty();
        });
    }

    /**
     * Starts watching the execution an accepted retry made, to notify {@code client} at {@code url}.
     * Completes once the watch is kept (in Redis, when configured), so that an instance killed after
     * answering loses nothing; never fails: a watch that cannot be kept is logged, and the caller
     * still gets the vendor's answer.
     */
    public CompletableFuture<Void> watch(String client, URI url, String vendor, Execution accepted,
                                         @Nullable String traceparent, String requestId) {
        if (accepted.getId() == null) {
            LOG.warn("Request {}: the vendor did not say which execution the retry made, so it cannot be followed "
                    + "and no notification will be sent", requestId);
            return CompletableFuture.completedFuture(null);
        }
        FollowJob.Watch watch = new FollowJob.Watch(vendor, accepted.getId(), accepted.getRetriedId(), client, url,
                traceparent, Instant.now().plus(properties.watchFor()), encode(accepted));
        return queue.add(watch).toCompletableFuture().handle((kept, failed) -> {
            if (failed != null) {
                LOG.error("Request {}: the watch could not be kept ({}); no notification will be sent for it",
                        requestId, failed.getClass().getName());
            }
            return null;
        });
    }

    /**
     * The execution as a watch keeps it: without {@code vendorData}, which can hold customer data and
     * is never sent in a notification. Runs before the answer is written, so taking it off for a
     * moment does not change the answer.
     */
    private String encode(Execution execution) {
        Object vendorData = execution.getVendorData();
        try {
            return json.writeValueAsString(execution.vendorData(null));
        } catch (IOException e) {
            throw new IllegalStateException("an Execution could not be written as JSON", e);
        } finally {
            execution.setVendorData(vendorData);
        }
    }
}
