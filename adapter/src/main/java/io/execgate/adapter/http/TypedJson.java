package io.execgate.adapter.http;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serde's mapper bound once per type. A plain {@code readValue(bytes, type)} looks the type's
 * deserializer up and specialises it on every call, which was a tenth of a retry's allocation in
 * the hot-path benchmark (docs/performance.md); {@link JsonMapper#createSpecific} does that once
 * and keeps both the deserializer and the serializer.
 */
final class TypedJson {
    private final JsonMapper json;
    private final Map<Class<?>, Bound<?>> bound = new ConcurrentHashMap<>();

    TypedJson(JsonMapper json) {
        this.json = json;
    }

    <T> T read(byte[] body, Class<T> type) throws IOException {
        Bound<T> b = bound(type);
        return b.mapper().readValue(body, b.type());
    }

    @SuppressWarnings("unchecked") // the value's own class, so the cast holds
    <T> byte[] write(T value) throws IOException {
        Bound<T> b = bound((Class<T>) value.getClass());
        return b.mapper().writeValueAsBytes(b.type(), value);
    }

    @SuppressWarnings("unchecked") // bound(type) only ever stores a Bound<T> under T
    private <T> Bound<T> bound(Class<T> type) {
        return (Bound<T>) bound.computeIfAbsent(type, t -> {
            Argument<?> argument = Argument.of(t);
            return new Bound<>(json.createSpecific(argument), argument);
        });
    }

    private record Bound<T>(JsonMapper mapper, Argument<T> type) {
    }
}
