/** The Kaizen simulator: {@code POST /executions/retry} and {@code POST /executions/get}, bearer key. */
@Configuration
@Requires(property = SimulatorSettings.VENDOR, value = "kaizen")
package io.execgate.sandbox.kaizen;

import io.execgate.sandbox.SimulatorSettings;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
