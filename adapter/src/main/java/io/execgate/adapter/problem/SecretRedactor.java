package io.execgate.adapter.problem;

import io.execgate.adapter.VendorProperties;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Masks every configured vendor key in text a vendor sent back, before that text reaches a
 * caller: a vendor that echoes the request's headers in an error must not leak the key.
 */
@Singleton
public final class SecretRedactor {
    static final String MASK = "***";
    private final List<String> secrets;

    public SecretRedactor(List<VendorProperties> vendors) {
        this.secrets = vendors.stream().map(VendorProperties::apiKey).filter(Objects::nonNull)
                .filter(s -> !s.isBlank()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
