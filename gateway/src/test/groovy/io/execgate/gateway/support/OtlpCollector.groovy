package io.execgate.gateway.support

/**
 * An OpenTelemetry collector on 127.0.0.1 as far as a test needs one: takes OTLP/HTTP protobuf
 * exports at {@code /v1/traces} (a {@link FakeVendor} underneath, so every export is recorded as it
 * arrived) and decodes the spans in them with a plain protobuf wire reader, field numbers from
 * {@code opentelemetry/proto/trace/v1/trace.proto}.
 */
class OtlpCollector implements Closeable {
    /** One exported span; ids in lower-case hex, as in {@code traceparent}. */
    static class Span {
        String traceId
        String spanId
        String parentSpanId
        String name
        int kind
        Map<String, Object> attributes = [:]

        static final int SERVER = 2
        static final int CLIENT = 3

        @Override
        String toString() { "Span[$name kind=$kind trace=$traceId span=$spanId parent=$parentSpanId]" }
    }

    private final FakeVendor endpoint = new FakeVendor().answerRaw(200, '', ['Content-Type': 'application/x-protobuf'])

    String getTracesUrl() { "${endpoint.url}/v1/traces" }

    /** Every export request received so far, as it arrived. */
    List<FakeVendor.Recorded> getExports() { endpoint.requests as List }

    List<Span> getSpans() {
        exports.collectMany { decodeRequest(it.body) }
    }

    /** Waits (at most {@code seconds}) until {@code wanted} spans have arrived. */
    List<Span> awaitSpans(int wanted, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L
        while (spans.size() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(20)
        }
        spans
    }

    void clear() { endpoint.clear() }

    @Override
    void close() { endpoint.close() }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2 }
    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2 }
    private static List<Span> decodeRequest(byte[] body) {
        fields(body).findAll { it.number == 1 }.collectMany { resourceSpans ->
            fields(resourceSpans.bytes).findAll { it.number == 2 }.collectMany { scopeSpans ->
                fields(scopeSpans.bytes).findAll { it.number == 2 }.collect { decodeSpan(it.bytes) }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5;
    //        SpanKind kind = 6; repeated KeyValue attributes = 9 }
    private static Span decodeSpan(byte[] bytes) {
        def span = new Span()
        fields(bytes).each { f ->
            switch (f.number) {
                case 1: span.traceId = f.bytes.encodeHex().toString(); break
                case 2: span.spanId = f.bytes.encodeHex().toString(); break
                case 4: span.parentSpanId = f.bytes.length ? f.bytes.encodeHex().toString() : null; break
                case 5: span.name = new String(f.bytes, 'UTF-8'); break
                case 6: span.kind = f.value as int; break
                case 9: span.attributes << decodeAttribute(f.bytes); break
            }
        }
        span
    }

    // KeyValue { string key = 1; AnyValue value = 2 }
    // AnyValue { oneof { string string_value = 1; bool bool_value = 2; int64 int_value = 3; ... } }
    private static Map<String, Object> decodeAttribute(byte[] bytes) {
        String key = null
        Object value = null
        fields(bytes).each { f ->
            if (f.number == 1) {
                key = new String(f.bytes, 'UTF-8')
            } else if (f.number == 2) {
                fields(f.bytes).each { v ->
                    switch (v.number) {
                        case 1: value = new String(v.bytes, 'UTF-8'); break
                        case 2: value = v.value != 0; break
                        case 3: value = v.value; break
                    }
                }
            }
        }
        [(key): value]
    }

    private static class Field {
        int number
        long value
        byte[] bytes
    }

    /** The top-level fields of one protobuf message. */
    private static List<Field> fields(byte[] message) {
        def input = new ByteArrayInputStream(message)
        List<Field> fields = []
        while (input.available() > 0) {
            long tag = varint(input)
            def field = new Field(number: (int) (tag >>> 3))
            switch ((int) (tag & 7)) {
                case 0: field.value = varint(input); break
                case 1: field.bytes = input.readNBytes(8); break
                case 2: field.bytes = input.readNBytes((int) varint(input)); break
                case 5: field.bytes = input.readNBytes(4); break
                default: throw new IllegalStateException("unsupported protobuf wire type in tag $tag")
            }
            fields << field
        }
        fields
    }

    private static long varint(InputStream input) {
        long result = 0
        for (int shift = 0; shift < 64; shift += 7) {
            int b = input.read()
            if (b < 0) {
                throw new EOFException('truncated varint')
            }
            result |= (long) (b & 0x7f) << shift
            if ((b & 0x80) == 0) {
                return result
            }
        }
        throw new IllegalStateException('varint longer than 64 bits')
    }
}
