package io.execgate.sandbox;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vendors the sandbox simulates, found by their {@link SimulatedVendor} behaviours. */
public final class SimulatedVendors {
    private static final String PACKAGE_PREFIX = SimulatedVendors.class.getPackageName() + ".";

    private SimulatedVendors() {
    }

    /**
     * Vendor name → default port, in port order. Two vendors claiming one name or one port, or a
     * marked class outside a vendor package of the sandbox, stop the start: both would be silent
     * mistakes otherwise (one simulator hiding another).
     */
    public static Map<String, Integer> defaultPorts() {
        List<BeanIntrospection<Object>> marked = BeanIntrospector.SHARED.findIntrospections(SimulatedVendor.class)
                .stream()
                .sorted(Comparator.comparingInt(SimulatedVendors::port))
                .toList();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (BeanIntrospection<Object> behaviour : marked) {
            String vendor = vendorOf(behaviour.getBeanType().getPackageName());
            int port = port(behaviour);
            if (ports.containsKey(vendor) || ports.containsValue(port)) {
                throw new IllegalStateException("@SimulatedVendor " + behaviour.getBeanType().getName()
                        + " repeats a vendor name or port already taken: " + ports);
            }
            ports.put(vendor, port);
        }
        return Collections.unmodifiableMap(ports);
    }

    /** The sandbox package simulating {@code vendor}. */
    static String packageOf(String vendor) {
        return PACKAGE_PREFIX + vendor;
    }

    /** The vendor a sandbox package simulates: {@code io.execgate.sandbox.<vendor>}. */
    static String vendorOf(String packageName) {
        String vendor = packageName.startsWith(PACKAGE_PREFIX) ? packageName.substring(PACKAGE_PREFIX.length()) : "";
        if (vendor.isEmpty() || vendor.contains(".")) {
            throw new IllegalStateException("a simulated vendor lives in " + PACKAGE_PREFIX + "<vendor>, not in " + packageName);
        }
        return vendor;
    }

    private static int port(BeanIntrospection<Object> behaviour) {
        return behaviour.intValue(SimulatedVendor.class, "port").orElseThrow();
    }
}
