/** The Kinetic simulator: {@code POST /api/executions/{execution_uuid}/retry} (FastAPI), {@code X-Kinetic-Key}. */
@Configuration
@Requires(condition = ThisSimulatedVendor.class)
package io.execgate.sandbox.kinetic;

import io.execgate.sandbox.ThisSimulatedVendor;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
