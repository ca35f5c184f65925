/** The Kaizen simulator: {@code POST /executions/retry} and {@code POST /executions/get}, bearer key. */
@Configuration
@Requires(condition = ThisSimulatedVendor.class)
package io.execgate.sandbox.kaizen;

import io.execgate.sandbox.ThisSimulatedVendor;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
