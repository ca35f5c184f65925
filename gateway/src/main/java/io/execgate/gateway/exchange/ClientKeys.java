package io.execgate.gateway.exchange;

import io.execgate.gateway.Sha256;
import io.execgate.gateway.config.ClientProperties;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured client keys, kept only as SHA-256 digests and compared in constant time, so a
 * key is neither held in plain form after startup nor guessable from response timing.
 */
@Singleton
public final class ClientKeys {
    private record Entry(String name, byte[] digest, Set<String> vendors) {
    }

    /** An authenticated caller; {@code vendors} null means all vendors. */
    public record Caller(String name, Set<String> vendors) {
        public boolean mayUse(String vendor) {
            return vendors == null || vendors.contains(vendor);
        }
    }

    /** The caller when authentication is switched off (local demo only). */
    public static final Caller ANONYMOUS = new Caller("anonymous", null);

    private final boolean enabled;
    private final List<Entry> entries;

    ClientKeys(List<ClientProperties> clients, @Value("${execgate.auth.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.entries = clients.stream().filter(c -> c.apiKey() != null)
                .map(c -> new Entry(c.name(), Sha256.of(c.apiKey()), c.vendors() == null ? null : Set.copyOf(c.vendors())))
                .toList();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The caller presenting {@code Authorization: Bearer <key>}, when the key is a configured one. */
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = Sha256.of(authorization.substring(7).trim());
        Entry match = null;
        for (Entry entry : entries) {
            // Look at every entry whatever matched, so timing does not tell which key is close.
            if (MessageDigest.isEqual(entry.digest(), presented)) {
                match = entry;
            }
        }
        return Optional.ofNullable(match).map(e -> new Caller(e.name(), e.vendors()));
    }
}
