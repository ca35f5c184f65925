package io.execgate.sandbox;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** What one simulator context was started with (see {@link Sandbox}). */
@Singleton
public final class SimulatorSettings {
    /** The simulated vendor's name; set only in a simulator's own context. */
    public static final String VENDOR = "execgate.sandbox.vendor";
    static final String API_KEY = "execgate.sandbox.api-key";
    static final String STEP = "execgate.sandbox.step";

    private final String vendor;
    private final String apiKey;
    private final Duration step;

    SimulatorSettings(@Value("${" + VENDOR + "}") String vendor,
                      @Value("${" + API_KEY + "}") String apiKey,
                      @Value("${" + STEP + ":1s}") Duration step) {
        this.vendor = vendor;
        this.apiKey = apiKey;
        this.step = step;
    }

    public String vendor() {
        return vendor;
    }

    /** The one key this simulated vendor accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** How long a retried execution stays in each of its vendor's statuses before the next. */
    public Duration step() {
        return step;
    }

    @Override
    public String toString() {
        return "SimulatorSettings[vendor=" + vendor + ", step=" + step + "]";
    }
}
