package io.execgate.gateway.follow.webhook;

import io.execgate.gateway.follow.FollowProperties;
import io.execgate.gateway.problem.GatewayProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where the gateway may send a completion notification. A webhook URL is chosen by a client, and
 * the gateway POSTs to it from inside the operator's network: without these checks a client could
 * make the gateway call its own loopback, the private network or a cloud metadata endpoint (SSRF).
 *
 * <p>Two moments, one rule. {@link #check} runs when a client asks to be notified, so a bad URL is
 * a 400 and nothing reaches the vendor. {@link #resolve} runs again when a notification is sent and
 * gives the sender the addresses it connects to: a host that was public at the check and resolves
 * to a private address later (DNS rebinding) is refused then, with no lookup between the check and
 * the connection.
 *
 * <p>{@code execgate.follow.allow-private-targets} lifts the address rule and allows plain
 * {@code http} (tests, the demo); the other URL rules and a client's host list still apply.
 */
@Singleton
public final class WebhookTargets {
    /** Where a rejected URL is reported in the 400's {@code errors}. */
    public static final String LOCATION = "body.notify.url";
    public static final int MAX_URL_LENGTH = 2048;

    static final String NOT_HTTPS = "must be an https URL";
    static final String NOT_HTTP_OR_HTTPS = "must be an http or https URL";
    static final String MALFORMED = "is not a valid URL";
    static final String TOO_LONG = "must be at most " + MAX_URL_LENGTH + " characters";
    static final String NO_HOST = "must name a host";
    static final String BAD_PORT = "has an invalid port";
    static final String USER_INFO = "must not contain a user name or password";
    static final String HOST_NOT_ALLOWED = "host is not one of this client's webhook-hosts";
    static final String NOT_PUBLIC = "resolves to a loopback, private, link-local or metadata address";
    static final String UNRESOLVED = "host could not be resolved";

    private final boolean allowPrivate;
    private final ExecutorService blocking;

    public WebhookTargets(FollowProperties properties, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.allowPrivate = properties.allowPrivateTargets();
        this.blocking = blocking;
    }

    /**
     * Checks a webhook URL a client gave (a retry's {@code notify.url}, or its configured default).
     * The host is looked up on the blocking executor, never on the calling thread.
     *
     * @param allowedHosts the client's {@code webhook-hosts}: exact names (any case) or
     *                     {@code *.example.com} for any subdomain of example.com (not example.com
     *                     itself); null or empty allows any host
     * @return the parsed URL, or a future failed with a 400 {@link GatewayProblem} saying what is wrong
     */
    public CompletableFuture<URI> check(String url, @Nullable List<String> allowedHosts) {
        URI uri;
        String host;
        try {
            uri = parsed(url);
            host = bare(uri.getHost());
            if (!allowed(host, allowedHosts)) {
                throw invalid(HOST_NOT_ALLOWED);
            }
        } catch (GatewayProblem problem) {
            return CompletableFuture.failedFuture(problem);
        }
        CompletableFuture<URI> checked = new CompletableFuture<>();
        try {
            blocking.execute(() -> {
                try {
                    resolve(host);
                    checked.complete(uri);
                } catch (BlockedTargetException blocked) {
                    checked.completeExceptionally(invalid(NOT_PUBLIC));
                } catch (UnknownHostException | SecurityException unresolved) {
                    checked.completeExceptionally(invalid(UNRESOLVED));
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            checked.completeExceptionally(shuttingDown);
        }
        return checked;
    }

    /**
     * The addresses a webhook host resolves to, for the sender to connect to. Blocks on DNS: call
     * it off the event loop.
     *
     * @throws BlockedTargetException when any address is not public (unless private targets are
     *                                allowed): one bad address is enough, since a client could
     *                                otherwise steer the connection to it
     * @throws UnknownHostException   when the host does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = bare(host);
        InetAddress[] addresses = InetAddress.getAllByName(name);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new BlockedTargetException(name);
                }
            }
        }
        return addresses;
    }

    /**
     * Whether an address is on the public internet: not loopback, unspecified, link-local (which
     * holds the usual cloud metadata address), private, shared (CGNAT, where one cloud keeps its
     * metadata), multicast or otherwise reserved. An IPv6 address that carries an IPv4 one (mapped,
     * compatible, NAT64, 6to4) is judged by that IPv4 address, so the IPv6 spelling of a private
     * address is private too.
     */
    public static boolean isPublic(InetAddress address) {
        return NonPublicRanges.isPublic(address.getAddress());
    }

    private URI parsed(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(allowPrivate ? NOT_HTTP_OR_HTTPS : NOT_HTTPS);
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw invalid(TOO_LONG);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(MALFORMED);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw invalid(allowPrivate ? NOT_HTTP_OR_HTTPS : NOT_HTTPS);
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw invalid(USER_INFO);
        }
        if (uri.isOpaque() || uri.getHost() == null || bare(uri.getHost()).isEmpty()) {
            throw invalid(NO_HOST);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw invalid(BAD_PORT);
        }
        return uri;
    }

    /** The host as compared and looked up: lower case, no IPv6 brackets, no trailing root dot. */
    static String bare(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** Whether a host (as {@link #bare} gives it) is on a client's list; an empty list allows every host. */
    static boolean allowed(String host, @Nullable List<String> allowedHosts) {
        if (allowedHosts == null || allowedHosts.isEmpty()) {
            return true;
        }
        for (String entry : allowedHosts) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String pattern = bare(entry.trim());
            if (pattern.startsWith("*.")) {
                String parent = pattern.substring(1); // ".example.com"
                if (host.endsWith(parent) && host.length() > parent.length()) {
                    return true;
                }
            } else if (host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static GatewayProblem invalid(String reason) {
        return GatewayProblem.invalid(LOCATION, reason);
    }
}
