/**
 * The gateway application. None of its beans load in a vendor simulator's context (one with
 * {@code execgate.sandbox.vendor} set): the sandbox runs its simulators in the gateway's JVM.
 */
@Configuration
@Requires(missingProperty = "execgate.sandbox.vendor")
package io.execgate.gateway;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
