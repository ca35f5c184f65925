package io.execgate.adapter.http;

import io.execgate.adapter.RetryCommand;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.VendorProperties;
import io.execgate.api.model.Execution;
import io.execgate.api.model.RetryRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's own work on one retry, per vendor, without the network: the client's body read
 * strictly into {@code RetryRequest}, the adapter's whole retry (vendor request built, guard,
 * vendor answer decoded into the generated model and validated, MapStruct mapping) and the
 * {@code Execution} written as JSON, all with the application's own beans. Only the vendor's HTTP
 * exchange is replaced, by one that hands back the vendor's recorded answer at once.
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
    /** A vendor and the recorded answer to its retry call (gateway/src/test/resources/vendors). */
    private static final Map<String, String> ANSWERS = Map.of(
            "kaizen", "kaizen/retry-200-flat.json",
            "kinetic", "kinetic/retry-201.json",
            "algapsa", "algapsa/retry-200.json",
            "skyvern", "skyvern/retry-200.json");
    private static final String ALGAPSA_ID = "11111111-2222-4333-8444-555555555555";

    @Param({"kaizen", "kinetic", "algapsa", "skyvern"})
    public String vendor;

    private ApplicationContext context;
    private JsonMapper json;
    private VendorAdapter adapter;
    private VendorClient client;
    private RetryCommand command;
    private final byte[] clientBody = "{\"maxStepsOverride\":25}".getBytes(StandardCharsets.UTF_8);

    @Setup(Level.Trial)
    public void start() throws IOException {
        context = ApplicationContext.run(Map.of("execgate.auth.enabled", false, "micronaut.metrics.enabled", false));
        json = context.getBean(JsonMapper.class);
        adapter = context.getBeansOfType(VendorAdapter.class).stream()
                .filter(a -> a.name().equals(vendor)).findFirst().orElseThrow();
        VendorProperties properties = new VendorProperties(vendor, "http://127.0.0.1:1", "bench-key",
                Duration.ofSeconds(30), Duration.ofSeconds(5), 5, Duration.ofSeconds(30), 64);
        byte[] answer = recorded(ANSWERS.get(vendor));
        int status = vendor.equals("kinetic") ? 201 : 200;
        client = new VendorClient(vendor, URI.create(properties.url()), properties.apiKey(), adapter.auth(),
                new RecordedAnswer(status, answer), context.getBean(VendorBodies.class), new VendorGuard(properties),
                VendorMetrics.NONE);
        command = new RetryCommand(vendor.equals("algapsa") ? ALGAPSA_ID : "exec_bench_1", 25, false);
        retry(); // fails the trial at once if the recorded answer does not map
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public byte[] retry() throws IOException {
        RetryRequest request = json.readValue(clientBody, Argument.of(RetryRequest.class));
        Execution execution = adapter.retry(new RetryCommand(command.executionId(), request.getMaxStepsOverride(),
                command.includeVendorData()), client).join(); // the recorded answer completes it at once
        return json.writeValueAsBytes(execution);
    }

    private static byte[] recorded(String path) throws IOException {
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
