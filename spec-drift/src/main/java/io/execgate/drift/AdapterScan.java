package io.execgate.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.VendorAdapter;
import io.execgate.adapter.http.VendorEndpoint;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Learns from the compiled adapters what each depends on, so that no list of fields is kept by
 * hand: a vendor is a package under {@code io.execgate.adapter} with a {@link VendorAdapter}; its
 * endpoints are its {@link VendorEndpoint} constants; its reads are every getter of a generated
 * vendor model ({@code io.execgate.vendor.<vendor>.model}) that its classes call, MapStruct's
 * generated mappers included, named by the model's {@code @JsonProperty}, plus the members it reads
 * out of plain JSON values with {@code VendorMapping.text}; its status column is its
 * {@link StatusColumn} mapper.
 */
final class AdapterScan {
    private static final String ADAPTERS = "io/execgate/adapter/";
    private static final String VENDOR_ADAPTER = Type.internal(VendorAdapter.class);
    private static final String ENDPOINT = "L" + Type.internal(VendorEndpoint.class) + ";";
    /** {@code VendorMapping.text(Object json, String member)}: a read of a plain JSON member. */
    private static final String JSON_TEXT_OWNER = ADAPTERS + "VendorMapping";
    private static final String JSON_TEXT = "text";

    private AdapterScan() {
    }

    /** Every vendor adapter on the class path, by vendor name. */
    static Map<String, VendorDependencies> vendors() {
        Map<String, List<ClassReader>> packages = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : adapterClasses().entrySet()) {
            String name = entry.getKey();
            String rest = name.substring(ADAPTERS.length());
            int slash = rest.indexOf('/');
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
            ClassFacts facts = new ClassFacts(models);
            reader.accept(facts, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            String simpleName = Type.simpleName(reader.getClassName());
            facts.getters.forEach(call -> {
                String property = jsonProperty(call.owner, call.getter);
                if (property != null) {
                    reads.add(new AdapterRead(Type.simpleName(call.owner), property + call.member, simpleName));
                }
            });
            if (!facts.endpointFields.isEmpty()) {
                endpoints.addAll(endpoints(load(reader.getClassName(), true), facts.endpointFields));
            }
            boolean concrete = (reader.getAccess() & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) == 0;
            if (concrete && !simpleName.startsWith("$")) {
                Class<?> type = load(reader.getClassName(), false);
                if (StatusColumn.class.isAssignableFrom(type)) {
                    column = instantiate(type);
                    columnOwner = simpleName.endsWith("Impl") ? simpleName.substring(0, simpleName.length() - 4) : simpleName;
                }
            }
        }
        return new VendorDependencies(vendor, List.copyOf(endpoints), List.copyOf(reads), column, columnOwner);
    }

    /** One class's calls of model getters (with a plain-JSON member read after one) and endpoint fields. */
    private static final class ClassFacts extends ClassVisitor {
        private final String models;
        final List<GetterCall> getters = new ArrayList<>();
        final List<String> endpointFields = new ArrayList<>();

        ClassFacts(String models) {
            super(Opcodes.ASM9);
            this.models = models;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_STATIC) != 0 && descriptor.equals(ENDPOINT)) {
                endpointFields.add(name);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private GetterCall lastGetter;
                private String lastConstant;

                @Override
                public void visitLdcInsn(Object value) {
                    lastConstant = value instanceof String text ? text : null;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    if (owner.startsWith(models) && isGetter(method, desc)) {
                        lastGetter = new GetterCall(owner, method, "");
                        getters.add(lastGetter);
                    } else if (owner.equals(JSON_TEXT_OWNER) && method.equals(JSON_TEXT)
                            && lastGetter != null && lastConstant != null) {
                        // VendorMapping.text(run.getRunRequest(), "workflow_id") reads run_request.workflow_id
                        getters.add(new GetterCall(lastGetter.owner, lastGetter.getter, "." + lastConstant));
                    }
                    lastConstant = null;
                }
            };
        }

        private static boolean isGetter(String name, String descriptor) {
            return descriptor.startsWith("()") && !descriptor.endsWith(")V")
                    && ((name.startsWith("get") && name.length() > 3) || (name.startsWith("is") && name.length() > 2));
        }
    }

    private record GetterCall(String owner, String getter, String member) {
    }

    /** The JSON name of the property a generated model's getter returns, or null if it is not one. */
    private static String jsonProperty(String owner, String getter) {
        Class<?> model = load(owner, false);
        String bare = getter.substring(getter.startsWith("is") ? 2 : 3);
        for (Field field : model.getDeclaredFields()) {
            JsonProperty json = field.getAnnotation(JsonProperty.class);
            if (json != null && field.getName().equalsIgnoreCase(bare)) {
                return json.value();
            }
        }
        try {
            Method method = model.getMethod(getter);
            JsonProperty json = method.getAnnotation(JsonProperty.class);
            return json == null ? null : json.value();
        } catch (NoSuchMethodException notAGetter) {
            return null;
        }
    }

    private static List<AdapterEndpoint> endpoints(Class<?> type, List<String> fields) {
        List<AdapterEndpoint> endpoints = new ArrayList<>();
        for (String name : fields) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                endpoints.add(new AdapterEndpoint(type.getSimpleName() + "." + name, (VendorEndpoint) field.get(null)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + name, e);
            }
        }
        return endpoints;
    }

    private static StatusColumn instantiate(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (StatusColumn) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the status column " + type.getName(), e);
        }
    }

    private static Class<?> load(String internalName, boolean initialize) {
        try {
            return Class.forName(internalName.replace('/', '.'), initialize, AdapterScan.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("adapter class path is incomplete: " + internalName, e);
        }
    }

    /** The adapter module's class files, from its directory or its jar (the shaded gateway jar included). */
    private static Map<String, byte[]> adapterClasses() {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            Path location = Path.of(VendorAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(ADAPTERS))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        classes.put(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().startsWith(ADAPTERS) && entry.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                classes.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /** Class name helpers. */
    private static final class Type {
        static String internal(Class<?> type) {
            return type.getName().replace('.', '/');
        }

        static String simpleName(String internalName) {
            return internalName.substring(internalName.lastIndexOf('/') + 1);
        }
    }
}
