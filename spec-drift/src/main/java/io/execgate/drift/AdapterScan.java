package io.execgate.drift;

import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.VendorEndpoint;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns from the compiled adapters what each depends on, so that no list of fields is kept by
 * hand: a vendor is a package under {@code io.execgate.adapter} with a {@link VendorAdapter}; its
 * endpoints are its {@link VendorEndpoint} constants; its reads are every getter of a generated
 * vendor model ({@code io.execgate.vendor.<vendor>.model}) that its classes call, MapStruct's
 * generated mappers included, named by the model's {@code @JsonProperty}, plus the members it reads
 * out of plain JSON values with {@code VendorMapping.text}; its status column is its
 * {@link StatusColumn} mapper. The class files come from {@link AdapterClassFiles}, what they call
 * from {@link AdapterBytecode}, and what that means from {@link AdapterReflection}.
 */
final class AdapterScan {
    private static final String VENDOR_ADAPTER = AdapterReflection.internalName(VendorAdapter.class);

    private AdapterScan() {
    }

    /** Every vendor adapter on the class path, by vendor name. */
    static Map<String, VendorDependencies> vendors() {
        Map<String, List<ClassReader>> packages = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : AdapterClassFiles.read().entrySet()) {
            String rest = entry.getKey().substring(AdapterClassFiles.ADAPTERS.length());
            int slash = rest.indexOf('/');
            // a vendor's classes sit directly in its package: io/execgate/adapter/<vendor>/X.class
            if (slash > 0 && rest.indexOf('/', slash + 1) < 0) {
                packages.computeIfAbsent(rest.substring(0, slash), p -> new ArrayList<>())
                        .add(new ClassReader(entry.getValue()));
            }
        }
        Map<String, VendorDependencies> vendors = new TreeMap<>();
        packages.forEach((vendor, classes) -> {
            if (classes.stream().anyMatch(c -> List.of(c.getInterfaces()).contains(VENDOR_ADAPTER))) {
                vendors.put(vendor, scan(vendor, classes));
            }
        });
        return vendors;
    }

    private static VendorDependencies scan(String vendor, List<ClassReader> classes) {
        String models = "io/execgate/vendor/" + vendor + "/model/";
        Set<AdapterRead> reads = new LinkedHashSet<>();
        List<AdapterEndpoint> endpoints = new ArrayList<>();
        StatusColumn column = null;
        String columnOwner = null;
        for (ClassReader reader : classes) {
            AdapterBytecode facts = AdapterBytecode.read(reader, models);
            String simpleName = AdapterReflection.simpleName(reader.getClassName());
            facts.getters().forEach(call -> {
                String property = AdapterReflection.jsonProperty(call.owner(), call.getter());
                if (property != null) {
                    reads.add(new AdapterRead(AdapterReflection.simpleName(call.owner()), property + call.member(), simpleName));
                }
            });
            if (!facts.endpointFields().isEmpty()) {
                endpoints.addAll(AdapterReflection.endpoints(reader.getClassName(), facts.endpointFields()));
            }
            // only a concrete, non-synthetic class can be the status column MapStruct generated
            boolean concrete = (reader.getAccess() & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) == 0;
            if (concrete && !simpleName.startsWith("$")) {
                StatusColumn found = AdapterReflection.statusColumn(reader.getClassName());
                if (found != null) {
                    column = found;
                    columnOwner = simpleName.endsWith("Impl") ? simpleName.substring(0, simpleName.length() - 4) : simpleName;
                }
            }
        }
        return new VendorDependencies(vendor, List.copyOf(endpoints), List.copyOf(reads), column, columnOwner);
    }
}
