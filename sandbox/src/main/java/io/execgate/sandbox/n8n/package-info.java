/** The n8n simulator: {@code POST /api/v1/executions/{id}/retry} and {@code GET /api/v1/executions/{id}}, {@code X-N8N-API-KEY}. */
@Configuration
@Requires(condition = ThisSimulatedVendor.class)
package io.execgate.sandbox.n8n;

import io.execgate.sandbox.ThisSimulatedVendor;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
