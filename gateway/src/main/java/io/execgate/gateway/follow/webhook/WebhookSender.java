package io.execgate.gateway.follow.webhook;

import io.execgate.gateway.follow.FollowProperties;
import io.execgate.gateway.follow.webhook.WebhookResult.Failure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Sends one signed notification (one delivery attempt) and says how it went. Retrying, backing off
 * and giving up belong to the caller; this class never sends anything twice on its own.
 *
 * <p>Why the client is set up as it is:
 * <ul>
 *   <li>its DNS resolver is {@link WebhookTargets#resolve}, so the addresses checked are the ones
 *       connected to, with no second lookup an attacker's DNS could answer differently;</li>
 *   <li>redirects are not followed: a public receiver could otherwise bounce the POST to a private
 *       address, past every check;</li>
 *   <li>no automatic retries (a POST may have been received), no cookies, no proxy;</li>
 *   <li>asynchronous: no thread is held while a receiver thinks, so a slow one costs nothing but a
 *       socket. The request is started on the blocking executor because the resolver runs on the
 *       thread that starts it (when more than 20 deliveries to one host are under way, a waiting
 *       one starts, and resolves, on the client's I/O thread once a connection frees up).</li>
 * </ul>
 * The receiver's body is discarded as it arrives, at most {@link #MAX_DISCARDED_BYTES} of it.
 * The signing key goes into the signature and nowhere else: not into an exception, a log line or a
 * {@code toString()}.
 */
@Singleton
public final class WebhookSender implements AutoCloseable {
    /** What receivers see in {@code User-Agent}. */
    public static final String USER_AGENT = "ExecGate-Webhooks";
    /** How much of a receiver's answer is read (and thrown away) before the connection is dropped. */
    static final int MAX_DISCARDED_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final ContentType JSON = ContentType.create("application/json");
    /** A header value that cannot smuggle another header: printable ASCII only. */
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]{1,512}");

    private final CloseableHttpAsyncClient client;
    private final ExecutorService blocking;
    private final long timeoutMillis;

    public WebhookSender(FollowProperties properties, WebhookTargets targets,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        this.timeoutMillis = Math.max(1, properties.deliveryTimeout().toMillis());
        Timeout timeout = Timeout.ofMilliseconds(timeoutMillis);
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(targets))
                        .setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(SSLContexts.createSystemDefault())
                                .buildAsync())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .setMaxConnTotal(200)
                        .setMaxConnPerRoute(20)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                .setUserAgent(USER_AGENT)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
        this.client.start();
    }

    /**
     * POSTs {@code body} to {@code url}, signed per Standard Webhooks. Never throws: the future
     * always completes, with the receiver's status or the reason it gave none, within the delivery
     * timeout.
     *
     * @param url         the receiver, as {@link WebhookTargets#check} gave it; its host is looked up
     *                    again now, and refused ({@link Failure#BLOCKED}) if it no longer is public
     * @param webhookId   the {@code webhook-id}, the same on every attempt of one event: printable
     *                    ASCII without {@code .} (else {@link Failure#ERROR} and a warning)
     * @param timestamp   the {@code webhook-timestamp} of this attempt, Unix seconds
     * @param body        the JSON body, sent and signed as these exact bytes
     * @param key         the client's signing key ({@link StandardWebhooks#secretKey})
     * @param traceparent the W3C trace context to pass on, or null
     */
    public CompletableFuture<WebhookResult> send(URI url, String webhookId, long timestamp, byte[] body, byte[] key,
                                                 @Nullable String traceparent) {
        CompletableFuture<WebhookResult> result = new CompletableFuture<>();
        String unusable = unusable(url, webhookId, body, key);
        if (unusable != null) {
            // a caller's bug, said plainly once per attempt; the reason is fixed text, never a given value
            LOG.warn("webhook not sent: {}", unusable);
            result.complete(WebhookResult.failed(Failure.ERROR));
            return result;
        }
        try {
            SimpleHttpRequest request = request(url, webhookId, timestamp, body, key, traceparent);
            result.completeOnTimeout(WebhookResult.failed(Failure.TIMEOUT), timeoutMillis, TimeUnit.MILLISECONDS);
            blocking.execute(() -> start(request, result));
        } catch (RuntimeException e) {
            // the executor is shutting down, or the request could not be built; the message is not
            // logged: it could quote the URL, whose query may hold the receiver's own token
            LOG.warn("webhook not sent: {}", e.getClass().getSimpleName());
            result.complete(WebhookResult.failed(Failure.ERROR));
        }
        return result;
    }

    /** Why these arguments cannot make a request, or null when they can. */
    private static String unusable(URI url, String webhookId, byte[] body, byte[] key) {
        if (url == null || !url.isAbsolute() || url.getHost() == null) {
            return "the URL is not absolute or has no host";
        }
        if (webhookId == null || !PRINTABLE.matcher(webhookId).matches() || webhookId.indexOf('.') >= 0) {
            return "the webhook id must be 1 to 512 printable ASCII characters without '.'";
        }
        if (body == null) {
            return "there is no body";
        }
        if (key == null || key.length == 0) {
            return "there is no signing key";
        }
        return null;
    }

    private static SimpleHttpRequest request(URI url, String webhookId, long timestamp, byte[] body, byte[] key,
                                             @Nullable String traceparent) {
        SimpleRequestBuilder request = SimpleRequestBuilder.post(url)
                .setBody(body, JSON)
                .addHeader("webhook-id", webhookId)
                .addHeader("webhook-timestamp", Long.toString(timestamp))
                .addHeader("webhook-signature", StandardWebhooks.sign(key, webhookId, timestamp, body));
        if (traceparent != null && PRINTABLE.matcher(traceparent).matches()) {
            request.addHeader("traceparent", traceparent);
        }
        return request.build();
    }

    /** Runs on the blocking executor: the client resolves the host on the thread that starts the exchange. */
    private void start(SimpleHttpRequest request, CompletableFuture<WebhookResult> result) {
        if (result.isDone()) {
            return;
        }
        try {
            Future<Integer> exchange = client.execute(SimpleRequestProducer.create(request), new StatusOnly(result),
                    HttpClientContext.create(), new FutureCallback<>() {
                        @Override
                        public void completed(Integer status) {
                            result.complete(WebhookResult.answered(status));
                        }

                        @Override
                        public void failed(Exception cause) {
                            result.complete(WebhookResult.failed(failure(cause)));
                        }

                        @Override
                        public void cancelled() {
                            result.complete(WebhookResult.failed(Failure.ERROR));
                        }
                    });
            // the deadline covers the whole attempt: when it passes first, the exchange is abandoned
            result.thenAccept(outcome -> {
                if (outcome.failure() == Failure.TIMEOUT) {
                    exchange.cancel(true);
                }
            });
        } catch (RuntimeException e) {
            result.complete(WebhookResult.failed(Failure.ERROR));
        }
    }

    /** Why there was no answer, from the exception the client reported (or one it wraps). */
    static Failure failure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BlockedTargetException) {
                return Failure.BLOCKED;
            }
            if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
                return Failure.TIMEOUT; // includes SocketTimeoutException and the client's connect timeout
            }
            if (t instanceof ConnectException) {
                return Failure.REFUSED;
            }
            if (t instanceof UnknownHostException) {
                return Failure.ERROR;
            }
        }
        return Failure.ERROR;
    }

    @PreDestroy
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    /** Every lookup the client makes goes through {@link WebhookTargets#resolve}: the addresses it connects to are checked ones. */
    private static final class CheckedResolver implements DnsResolver {
        private final WebhookTargets targets;

        CheckedResolver(WebhookTargets targets) {
            this.targets = targets;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.resolve(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(targets.resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
        }

        /** Only used for authentication schemes the sender never uses; no lookup is made. */
        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /**
     * Takes the status from the response head and discards the body: a receiver's answer is never
     * kept, and one that goes on past {@link #MAX_DISCARDED_BYTES} has its connection dropped. The
     * result completes as soon as the status is known.
     */
    private static final class StatusOnly implements AsyncResponseConsumer<Integer> {
        private final CompletableFuture<WebhookResult> result;
        private volatile FutureCallback<Integer> exchange;
        private volatile int status;
        private long discarded;

        StatusOnly(CompletableFuture<WebhookResult> result) {
            this.result = result;
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                    FutureCallback<Integer> callback) {
            status = response.getCode();
            result.complete(WebhookResult.answered(status));
            if (entity == null) {
                callback.completed(status);
            } else {
                exchange = callback;
            }
        }

        @Override
        public void informationResponse(HttpResponse response, HttpContext context) {
            // 1xx: not the answer
        }

        @Override
        public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
            capacityChannel.update(Integer.MAX_VALUE);
        }

        @Override
        public void consume(ByteBuffer src) throws IOException {
            discarded += src.remaining();
            src.position(src.limit());
            if (discarded > MAX_DISCARDED_BYTES) {
                throw new IOException("the receiver's answer is longer than " + MAX_DISCARDED_BYTES + " bytes");
            }
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) {
            FutureCallback<Integer> callback = exchange;
            if (callback != null) {
                callback.completed(status);
            }
        }

        @Override
        public void failed(Exception cause) {
            // reported through the exchange's callback; an answer already received stands
        }

        @Override
        public void releaseResources() {
            exchange = null;
        }
    }
}
