package io.execgate.adapter.http;

import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.VendorProperties;
import io.execgate.api.model.Execution;
import io.execgate.api.model.RetryRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.body.MessageBodyHandlerRegistry;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's own work on one retry, per vendor, without the network: the client's body read
 * strictly into {@code RetryRequest} by the reader the route uses, the adapter's whole retry (vendor
 * request built, guard, vendor answer decoded into the generated model, its required members
 * checked, MapStruct mapping) and the {@code Execution} written as JSON by the server's body writer,
 * all with the application's own beans. Only the vendor's HTTP exchange is replaced, by one that
 * hands back the vendor's recorded answer at once, and the server's pooled response buffer by one
 * reused byte stream.
 *
 * <p>In this package because {@link VendorClient}'s constructor is package-private: a benchmark is
 * no reason to widen the adapter's API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
    /** What a vendor answered to a retry (gateway/src/test/resources/vendors), and an id it accepts. */
    private record Recorded(String file, int status, String executionId) {
    }

    private static final Map<String, Recorded> RECORDED = Map.of(
            "kaizen", new Recorded("kaizen/retry-200-flat.json", 200, "exec_bench_1"),
            "kinetic", new Recorded("kinetic/retry-201.json", 201, "exec_bench_1"),
            "algapsa", new Recorded("algapsa/retry-200.json", 200, "11111111-2222-4333-8444-555555555555"),
            "skyvern", new Recorded("skyvern/retry-200.json", 200, "exec_bench_1"));

    @Param({"kaizen", "kinetic", "algapsa", "skyvern"})
    public String vendor;

    private static final Argument<RetryRequest> RETRY_REQUEST = Argument.of(RetryRequest.class);
    private static final Argument<Execution> EXECUTION = Argument.of(Execution.class);
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON_TYPE);

    private ApplicationContext context;
    private MessageBodyReader<RetryRequest> requestReader;
    private MessageBodyWriter<Execution> answerWriter;
    private final Headers clientHeaders = HttpRequest.POST("/", "").contentType(MediaType.APPLICATION_JSON_TYPE).getHeaders();
    private final MutableHttpHeaders answerHeaders = HttpResponse.ok().getHeaders();
    /** Stands for the server's pooled response buffer, which is not a heap allocation per request. */
    private final ByteArrayOutputStream answerBody = new ByteArrayOutputStream(4096);
    private VendorAdapter adapter;
    private VendorClient client;
    private String executionId;
    private final byte[] clientBody = "{\"maxStepsOverride\":25}".getBytes(StandardCharsets.UTF_8);

    @Setup(Level.Trial)
    public void start() throws IOException {
        context = ApplicationContext.run(Map.of("execgate.auth.enabled", false, "micronaut.metrics.enabled", false));
        // the reader the retry route picks for its body (the gateway's RetryRequestReader) and the writer of its answer
        MessageBodyHandlerRegistry bodies = context.getBean(MessageBodyHandlerRegistry.class);
        requestReader = bodies.findReader(RETRY_REQUEST, JSON).orElseThrow();
        answerWriter = bodies.findWriter(EXECUTION, JSON).orElseThrow();
        if (!requestReader.getClass().getSimpleName().equals("RetryRequestReader")) {
            throw new IllegalStateException("the retry body is not read by RetryRequestReader but " + requestReader);
        }
        adapter = context.getBeansOfType(VendorAdapter.class).stream()
                .filter(a -> a.name().equals(vendor)).findFirst().orElseThrow();
        VendorProperties properties = new VendorProperties(vendor, "http://127.0.0.1:1", "bench-key",
                Duration.ofSeconds(30), Duration.ofSeconds(5), 5, Duration.ofSeconds(30), 64);
        Recorded recorded = RECORDED.get(vendor);
        client = new VendorClient(vendor, URI.create(properties.url()), properties.apiKey(), adapter.auth(),
                new RecordedAnswer(recorded.status(), read(recorded.file())), context.getBean(VendorBodies.class),
                new VendorGuard(properties), VendorMetrics.NONE);
        executionId = recorded.executionId();
        retry(); // fails the trial at once if the recorded answer does not map
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public int retry() throws IOException {
        RetryRequest request = requestReader.read(RETRY_REQUEST, MediaType.APPLICATION_JSON_TYPE, clientHeaders,
                new ByteArrayInputStream(clientBody));
        Execution execution = adapter.retry(new RetryCommand(executionId, request.getMaxStepsOverride(), false, false), client)
                .join(); // the recorded answer completes it at once
        answerBody.reset();
        answerWriter.writeTo(EXECUTION, MediaType.APPLICATION_JSON_TYPE, execution, answerHeaders, answerBody);
        return answerBody.size();
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = HotPathBenchmark.class.getResourceAsStream("/vendors/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no recorded answer " + path);
            }
            return in.readAllBytes();
        }
    }

    /** The vendor's side of the exchange: its recorded answer, at once, to every request. */
    private static final class RecordedAnswer implements HttpClient {
        private final Blocking blocking;

        RecordedAnswer(int status, byte[] body) {
            this.blocking = new Blocking(status, body);
        }

        @Override
        public <I, O, E> Publisher<HttpResponse<O>> exchange(HttpRequest<I> request, Argument<O> bodyType,
                                                             Argument<E> errorType) {
            return Mono.just(blocking.exchange(request, bodyType, errorType));
        }

        @Override
        public BlockingHttpClient toBlocking() {
            return blocking;
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private record Blocking(int status, byte[] body) implements BlockingHttpClient {
        @Override
        @SuppressWarnings("unchecked")
        public <I, O, E> HttpResponse<O> exchange(HttpRequest<I> request, Argument<O> bodyType, Argument<E> errorType) {
            return (HttpResponse<O>) HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                    .contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
