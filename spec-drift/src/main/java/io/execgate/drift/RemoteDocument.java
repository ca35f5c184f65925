package io.execgate.drift;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A document given as a URL, so that a nightly job can compare the checked-in spec with what the
 * vendor publishes now. https only, except plain http to this machine (a local mirror, the tests);
 * bounded in time and size, every failure one clear line.
 */
final class RemoteDocument {
    /** Published documents run to a few MB (3.6 MB seen); far more is not a spec. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Connecting, and then the whole answer: a nightly job must end. Tests shorten it. */
    static Duration timeout = Duration.ofSeconds(30);

    private RemoteDocument() {
    }

    static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The document's text. */
    static String fetch(String url) throws UnreadableSpec {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UnreadableSpec(url + ": not a URL (" + e.getMessage() + ")");
        }
        if (uri.getHost() == null) {
            throw new UnreadableSpec(url + ": not a URL (no host)");
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !loopback(uri.getHost())) {
            // a spec fetched in the clear could be anyone's: plain http only to this machine
            throw new UnreadableSpec(url + ": use https:// (plain http only to 127.0.0.1 or localhost)");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json, application/yaml, text/yaml, */*").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new UnreadableSpec(url + ": HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > MAX_BYTES) {
                    throw new UnreadableSpec(url + ": " + declared + " bytes, more than the " + MAX_BYTES + " a document may have");
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new UnreadableSpec(url + ": more than the " + MAX_BYTES + " bytes a document may have");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (HttpTimeoutException e) {
            throw new UnreadableSpec(url + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new UnreadableSpec(url + ": cannot be fetched (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableSpec(url + ": interrupted");
        }
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // a literal address only: no name is looked up to decide
            return host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?") && InetAddress.getByName(host.replaceAll("[\\[\\]]", "")).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
