package io.execgate.sandbox;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The simulators' time source: statuses are computed from it when read. */
@Factory
final class SandboxClock {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
