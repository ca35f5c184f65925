/** The Kinetic simulator: {@code POST /api/executions/{execution_uuid}/retry} (FastAPI), {@code X-Kinetic-Key}. */
@Configuration
@Requires(property = SimulatorSettings.VENDOR, value = "kinetic")
package io.execgate.sandbox.kinetic;

import io.execgate.sandbox.SimulatorSettings;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
