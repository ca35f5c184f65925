package io.execgate.gateway.follow.queue;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A followed retry's durable state, as it is kept between steps (in this process, or as a Redis
 * stream entry's fields): a {@link Watch} until the execution ends or the watch expires, then a
 * {@link Delivery} until the receiver has the event or it is given up. Holds no secret: the
 * client's signing secret is looked up by the client's name when a delivery is sent.
 */
public sealed interface FollowJob permits FollowJob.Watch, FollowJob.Delivery {

    /** The job as flat string fields (a Redis stream entry). */
    Map<String, String> fields();

    /** Reads {@link #fields()} back. */
    static FollowJob of(Map<String, String> fields) {
        String kind = fields.get("kind");
        if ("watch".equals(kind)) {
            return new Watch(fields.get("vendor"), fields.get("executionId"), fields.get("retriedId"),
                    fields.get("client"), URI.create(fields.get("url")), fields.get("traceparent"),
                    Instant.parse(fields.get("until")), fields.get("latest"));
        }
        if ("delivery".equals(kind)) {
            return new Delivery(fields.get("client"), URI.create(fields.get("url")), fields.get("traceparent"),
                    fields.get("eventId"), fields.get("body"),
                    Integer.parseInt(fields.get("attempt")), Instant.parse(fields.get("notBefore")),
                    Instant.parse(fields.get("giveUpAt")));
        }
        throw new IllegalArgumentException("not a follow job: kind " + kind);
    }

    /**
     * Following one retried execution.
     *
     * @param vendor      the vendor's path name
     * @param executionId the execution to read (the retry's answer's {@code id})
     * @param retriedId   the id the caller asked to retry
     * @param client      the client that asked (its secret signs the event)
     * @param url         where the event goes
     * @param traceparent the retry request's W3C trace context, so the delivery continues its trace
     * @param until       when the watch expires
     * @param latest      the latest {@code Execution} read, as JSON (the retry's answer at first)
     */
    record Watch(String vendor, String executionId, String retriedId, String client, URI url, String traceparent,
                 Instant until, String latest) implements FollowJob {
        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("kind", "watch");
            fields.put("vendor", vendor);
            fields.put("executionId", executionId);
            fields.put("retriedId", retriedId);
            fields.put("client", client);
            fields.put("url", url.toString());
            fields.put("traceparent", traceparent);
            fields.put("until", until.toString());
            fields.put("latest", latest);
            return fields;
        }

        /** The same watch with a newer execution. */
        public Watch withLatest(String execution) {
            return new Watch(vendor, executionId, retriedId, client, url, traceparent, until, execution);
        }
    }

    /**
     * One event on its way to a receiver.
     *
     * @param eventId   the Standard Webhooks {@code webhook-id}: the same on every attempt
     * @param body      the event as sent, JSON
     * @param attempt   attempts made so far
     * @param notBefore the next attempt's time
     * @param giveUpAt  no attempt after this
     */
    record Delivery(String client, URI url, String traceparent, String eventId, String body,
                    int attempt, Instant notBefore, Instant giveUpAt) implements FollowJob {
        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("kind", "delivery");
            fields.put("client", client);
            fields.put("url", url.toString());
            fields.put("traceparent", traceparent);
            fields.put("eventId", eventId);
            fields.put("body", body);
            fields.put("attempt", Integer.toString(attempt));
            fields.put("notBefore", notBefore.toString());
            fields.put("giveUpAt", giveUpAt.toString());
            return fields;
        }

        /** The next attempt of the same event. */
        public Delivery retriedAt(Instant next) {
            return new Delivery(client, url, traceparent, eventId, body, attempt + 1, next, giveUpAt);
        }
    }
}
