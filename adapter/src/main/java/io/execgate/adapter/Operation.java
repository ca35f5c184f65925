package io.execgate.adapter;

/** A unified operation a vendor may offer; {@link #wireName()} is how {@code /v1/vendors} lists it. */
public enum Operation {
    RETRY, GET;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
