/**
 * The vendor sandbox: simulators of the vendors ExecGate fronts.
 *
 * <p>Each simulator is a Micronaut context of its own ({@link io.execgate.sandbox.Sandbox} starts
 * them), identified by {@code execgate.sandbox.vendor}; that property is what switches the beans of
 * this package on, and each vendor sub-package requires its own name. The gateway's own context
 * never sets it, so embedding the sandbox in the gateway's JVM adds no bean to the gateway.
 */
@Configuration
@Requires(property = SimulatorSettings.VENDOR)
package io.execgate.sandbox;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
