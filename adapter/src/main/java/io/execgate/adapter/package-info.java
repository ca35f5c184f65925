/**
 * Vendor adapters: one package per vendor, translating the gateway's commands into that vendor's
 * calls and its answers back. None of its beans load in a vendor simulator's context (one with
 * {@code execgate.sandbox.vendor} set), which may share the gateway's JVM.
 */
@Configuration
@Requires(missingProperty = "execgate.sandbox.vendor")
package io.execgate.adapter;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
