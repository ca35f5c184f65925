/** The AlgaPSA simulator: retry and read under {@code /api/v1/automation/executions/{id}}, {@code x-api-key}. */
@Configuration
@Requires(condition = ThisSimulatedVendor.class)
package io.execgate.sandbox.algapsa;

import io.execgate.sandbox.ThisSimulatedVendor;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
