package io.execgate.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.http.VendorEndpoint;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What only loading an adapter class tells: a model getter's {@code @JsonProperty} name, the values
 * of endpoint constants, and a status column to ask. Bytecode says which members to look at.
 */
final class AdapterReflection {

    private AdapterReflection() {
    }

    /** The JSON name of the property a generated model's getter returns, or null if it is not one. */
    static String jsonProperty(String owner, String getter) {
        Class<?> model = load(owner, false);
        String bare = getter.substring(getter.startsWith("is") ? 2 : 3);
        // the generator annotates the field; a hand-written model may annotate the getter
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

    /** The {@link VendorEndpoint} constants named, read from the class (initialised, so they are set). */
    static List<AdapterEndpoint> endpoints(String internalName, List<String> fields) {
        Class<?> type = load(internalName, true);
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

    /** The class as a status column, instantiated, or null when it is not one. */
    static StatusColumn statusColumn(String internalName) {
        Class<?> type = load(internalName, false);
        if (!StatusColumn.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (StatusColumn) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the status column " + type.getName(), e);
        }
    }

    static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    private static Class<?> load(String internalName, boolean initialize) {
        try {
            return Class.forName(internalName.replace('/', '.'), initialize, AdapterReflection.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("adapter class path is incomplete: " + internalName, e);
        }
    }
}
