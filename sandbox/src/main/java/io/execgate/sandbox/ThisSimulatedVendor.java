package io.execgate.sandbox;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.inject.BeanConfiguration;
import io.micronaut.inject.BeanDefinition;

/**
 * Switches a vendor package of the sandbox on in that vendor's simulator context only: the package's
 * last segment must be the context's {@value SimulatorSettings#VENDOR}. So a vendor package names
 * itself once, by its package; its {@code package-info} says
 * {@code @Requires(condition = ThisSimulatedVendor.class)}.
 */
public final class ThisSimulatedVendor implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        Object component = context.getComponent();
        String packageName = component instanceof BeanConfiguration configuration ? configuration.getName()
                : component instanceof BeanDefinition<?> definition ? definition.getBeanType().getPackageName()
                : null;
        return packageName != null && context.getProperty(SimulatorSettings.VENDOR, String.class)
                .map(vendor -> packageName.equals(SimulatedVendors.packageOf(vendor)))
                .orElse(false);
    }
}
