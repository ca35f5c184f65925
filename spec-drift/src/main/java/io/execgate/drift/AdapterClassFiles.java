package io.execgate.drift;

import io.execgate.adapter.VendorAdapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the adapter module's class files where the class path has it: its classes directory in a
 * build, or a jar (the shaded gateway jar included) when run from one.
 */
final class AdapterClassFiles {
    /** Where the adapters' packages live, as a class-file path prefix. */
    static final String ADAPTERS = "io/execgate/adapter/";

    private AdapterClassFiles() {
    }

    /** Every class file below {@link #ADAPTERS}, by its path ({@code io/execgate/adapter/x/Y.class}), sorted. */
    static Map<String, byte[]> read() {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            Path location = Path.of(VendorAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                fromDirectory(location, classes);
            } else {
                fromJar(location, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    private static void fromDirectory(Path root, Map<String, byte[]> classes) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(ADAPTERS))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
    }

    private static void fromJar(Path location, Map<String, byte[]> classes) throws IOException {
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
}
