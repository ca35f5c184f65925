package io.execgate.gateway.support

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption

/**
 * What the suite saw, for {@code SecretsNeverLeakIT}: every answer the gateway gave (status, headers,
 * body) and every secret a test configured. Logs go to the same directory (logback-test.xml).
 */
class TestTraffic {
    static final Path DIR = Path.of('target', 'test-traffic')
    static final Path ANSWERS = DIR.resolve('answers.log')
    static final Path SECRETS = DIR.resolve('secrets.txt')

    static synchronized void answer(int status, Map<String, String> headers, String body) {
        append(ANSWERS, "$status ${headers}\n${body}\n")
    }

    /** Registers secrets the test configures (vendor and client keys). */
    static synchronized void secrets(Collection<String> values) {
        append(SECRETS, values.collect { it + '\n' }.join())
    }

    private static void append(Path file, String text) {
        Files.createDirectories(DIR)
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
    }
}
