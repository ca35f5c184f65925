/** The Skyvern simulator: {@code POST /v1/agents/runs/{id}/retry} and {@code GET /v1/runs/{id}}, {@code x-api-key} (403 when wrong). */
@Configuration
@Requires(condition = ThisSimulatedVendor.class)
package io.execgate.sandbox.skyvern;

import io.execgate.sandbox.ThisSimulatedVendor;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
