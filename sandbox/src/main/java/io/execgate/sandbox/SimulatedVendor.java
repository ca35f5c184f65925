package io.execgate.sandbox;

import io.micronaut.core.annotation.Introspected;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a vendor's {@link VendorBehaviour}: how the sandbox finds the vendors it simulates
 * ({@link SimulatedVendors}) without a list of them. The vendor's name is its package's last segment
 * ({@code io.execgate.sandbox.<vendor>} simulates {@code <vendor>}), the name the gateway's config and
 * paths use; {@link ThisSimulatedVendor} switches the package's beans on by the same name.
 *
 * <p>Meta-annotated with {@link Introspected} so that each marked class has a build-time
 * introspection, which {@link SimulatedVendors} lists without starting a context.
 */
@Documented
@Introspected
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SimulatedVendor {

    /** The port {@code ./execgate sandbox} listens on for this vendor unless told otherwise. */
    int port();
}
