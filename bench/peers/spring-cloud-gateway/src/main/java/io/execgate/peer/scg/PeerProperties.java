package io.execgate.peer.scg;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code peer.*} (environment: {@code PEER_CLIENT_KEY}, {@code PEER_VENDOR_URL}, {@code PEER_VENDOR_KEY}):
 * the one client key, and where the vendor is with its key.
 */
@ConfigurationProperties("peer")
record PeerProperties(String clientKey, URI vendorUrl, String vendorKey) {
    PeerProperties {
        if (clientKey == null || vendorUrl == null || vendorKey == null) {
            throw new IllegalArgumentException("peer.client-key, peer.vendor-url and peer.vendor-key are required");
        }
    }

    @Override
    public String toString() {
        return "PeerProperties[vendorUrl=" + vendorUrl + ", keys masked]";
    }
}
