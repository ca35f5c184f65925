package io.execgate.gateway.follow;

import io.execgate.gateway.follow.queue.FollowJob;
import io.execgate.gateway.follow.queue.FollowQueue;
import io.execgate.adapter.ExecutionRef;
import io.execgate.adapter.Operation;
import io.execgate.api.model.Execution;
import io.execgate.api.model.WebhookEvent;
import io.execgate.api.model.WebhookEventType;
import io.execgate.gateway.VendorRegistry;
import io.execgate.gateway.VendorRegistry.ConfiguredVendor;
import io.execgate.gateway.config.ClientProperties;
import io.execgate.gateway.follow.queue.FollowQueue.Taken;
import io.execgate.gateway.follow.webhook.StandardWebhooks;
import io.execgate.gateway.follow.webhook.WebhookResult;
import io.execgate.gateway.follow.webhook.WebhookSender;
import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works on the follow-through's jobs this instance was handed ({@link FollowQueue}), one after the
 * other per job, never holding a thread between steps:
 * <ol>
 *   <li>a {@link FollowJob.Watch} reads the execution until it ends or the watch expires, then
 *       becomes the {@link FollowJob.Delivery} of {@code execution.finished} or
 *       {@code execution.watch_expired};</li>
 *   <li>a delivery is sent, signed, at its time; a 2xx ends it, anything else makes it the next
 *       attempt of the same event (same {@code webhook-id}) after a growing wait, until it is given up.</li>
 * </ol>
 * Each step is kept in the queue before the next starts, so an instance that dies mid-way leaves the
 * job where another instance can pick it up (at least once: a delivery sent just before the sender
 * died is sent again).
 */
@Context
final class FollowWorker {
    private static final Logger LOG = LoggerFactory.getLogger(FollowWorker.class);

    private final FollowQueue queue;
    private final VendorRegistry vendors;
    private final Map<String, ClientProperties> clients;
    private final WebhookSender sender;
    private final FollowScheduler scheduler;
    private final FollowProperties properties;
    private final FollowMetrics metrics;
    private final DeliveryTracing tracing;
    private final JsonMapper json;
    private final Backoff deliveryBackoff;

    FollowWorker(FollowQueue queue, VendorRegistry vendors, List<ClientProperties> clients, WebhookSender sender,
                 FollowScheduler scheduler, FollowProperties properties, FollowMetrics metrics, DeliveryTracing tracing,
                 JsonMapper json) {
        this.queue = queue;
        this.vendors = vendors;
        this.clients = clients.stream().collect(Collectors.toMap(ClientProperties::name, Function.identity()));
        this.sender = sender;
        this.scheduler = scheduler;
        this.properties = properties;
        this.metrics = metrics;
        this.tracing = tracing;
        this.json = json;
        this.deliveryBackoff = new Backoff(properties.deliveryBackoff(), properties.deliveryBackoffMax());
    }

    @PostConstruct
    void start() {
        queue.start(this::work);
    }

    private void work(Taken taken) {
        try {
            if (taken.job() instanceof FollowJob.Watch watch) {
                follow(taken, watch);
            } else if (taken.job() instanceof FollowJob.Delivery delivery) {
                scheduler.after(Duration.between(Instant.now(), delivery.notBefore()), () -> deliver(taken, delivery));
            }
        } catch (RuntimeException unreadable) {
            // a job this version cannot work on would fail the same way on every instance: it is dropped, loudly
            LOG.error("A follow job could not be worked on ({}); dropped", unreadable.getClass().getName());
            logged(queue.done(taken));
        }
    }

    private void follow(Taken taken, FollowJob.Watch watch) {
        ConfiguredVendor vendor = vendors.find(watch.vendor()).orElse(null);
        if (vendor == null || !vendor.adapter().operations().contains(Operation.GET)) {
            LOG.error("Watch of {} execution {}: the vendor is not configured here or cannot be read; given up",
                    watch.vendor(), watch.executionId());
            logged(queue.done(taken));
            return;
        }
        metrics.watchStarted();
        ExecutionRef ref = new ExecutionRef(watch.executionId(), false);
        ExecutionFollower.start(decode(watch.latest()),
                        () -> vendor.adapter().get(ref, vendor.client().within(new WatchScope(watch.traceparent())))
                                .thenApply(read -> read.retriedId(watch.retriedId())),
                        Backoff.WATCH_READS, watch.until(), false, scheduler)
                .result().thenAccept(followed -> {
                    metrics.watchEnded();
                    WebhookEventType type = followed.ended() ? WebhookEventType.FINISHED
                            : WebhookEventType.WATCH_EXPIRED;
                    logged(queue.replace(taken, delivery(watch, type, followed.latest())));
                });
    }

    private FollowJob.Delivery delivery(FollowJob.Watch watch, WebhookEventType type, Execution latest) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String body = encode(new WebhookEvent(type, now.atZone(ZoneOffset.UTC), latest));
        return new FollowJob.Delivery(watch.client(), watch.url(), watch.traceparent(),
                "msg_" + UUID.randomUUID().toString().replace("-", ""), body, 0, now,
                now.plus(properties.deliverFor()));
    }

    private void deliver(Taken taken, FollowJob.Delivery delivery) {
        ClientProperties client = clients.get(delivery.client());
        if (client == null || client.webhookSecret() == null) {
            LOG.error("Webhook {}: client {} has no webhook secret any more; given up", delivery.eventId(), delivery.client());
            metrics.delivery(FollowMetrics.Outcome.GIVEN_UP);
            logged(queue.done(taken));
            return;
        }
        int attempt = delivery.attempt() + 1;
        DeliveryTracing.Span span = tracing.start(delivery, attempt);
        sender.send(delivery.url(), delivery.eventId(), Instant.now().getEpochSecond(),
                        delivery.body().getBytes(StandardCharsets.UTF_8), StandardWebhooks.secretKey(client.webhookSecret()),
                        span.traceparent())
                .thenAccept(result -> {
                    span.end(result);
                    attempted(taken, delivery, attempt, result);
                });
    }

    private void attempted(Taken taken, FollowJob.Delivery delivery, int attempt, WebhookResult result) {
        String host = delivery.url().getHost();
        if (result.delivered()) {
            metrics.delivery(FollowMetrics.Outcome.DELIVERED);
            LOG.info("Webhook {} attempt {} to {}: delivered (HTTP {})", delivery.eventId(), attempt, host, result.status());
            logged(queue.done(taken));
            return;
        }
        String what = result.failure() == null ? "HTTP " + result.status() : result.failure().name();
        Instant next = Instant.now().plus(deliveryBackoff.after(attempt));
        if (next.isAfter(delivery.giveUpAt())) {
            metrics.delivery(FollowMetrics.Outcome.GIVEN_UP);
            LOG.warn("Webhook {} attempt {} to {}: {}; given up after {} attempts", delivery.eventId(), attempt, host, what, attempt);
            logged(queue.done(taken));
        } else {
            metrics.delivery(FollowMetrics.Outcome.FAILED);
            LOG.info("Webhook {} attempt {} to {}: {}; next attempt at {}", delivery.eventId(), attempt, host, what, next);
            logged(queue.replace(taken, delivery.retriedAt(next)));
        }
    }

    /** A queue step that failed is the queue's to recover (another instance takes the job over); it is logged here. */
    private static void logged(CompletionStage<Void> step) {
        step.whenComplete((done, failed) -> {
            if (failed != null) {
                LOG.error("The follow queue failed to keep a step ({}); the job will be taken up again",
                        failed.getClass().getName());
            }
        });
    }

    private Execution decode(String execution) {
        try {
            return json.readValue(execution, Execution.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
