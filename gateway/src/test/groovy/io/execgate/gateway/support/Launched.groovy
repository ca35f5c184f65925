package io.execgate.gateway.support

import java.nio.file.Path
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/** A command run from the repository root (the README's way), its output collected line by line. */
class Launched implements Closeable {
    final Process process
    final List<String> lines = new CopyOnWriteArrayList<>()
    final long startedNanos = System.nanoTime()
    private final Thread reader

    Launched(Path root, List<String> command, Map<String, String> env = [:]) {
        def builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        builder.environment().putAll(env)
        process = builder.start()
        reader = Thread.startDaemon("output of ${command.join(' ')}") {
            try {
                process.inputStream.newReader().eachLine { lines << it }
            } catch (IOException ended) {
                // the process was stopped; its output ends here
            }
        }
    }

    /** Waits (bounded) until a line matches, and returns the lines so far. */
    List<String> awaitLine(long seconds, Closure<Boolean> matches) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (System.nanoTime() < deadline) {
            if (lines.any(matches)) {
                return List.copyOf(lines)
            }
            if (!process.alive) {
                reader.join(5_000) // its last lines may still be on their way
                if (lines.any(matches)) {
                    return List.copyOf(lines)
                }
                throw new IllegalStateException("ended with ${process.exitValue()}:\n${lines.join('\n')}")
            }
            Thread.sleep(50)
        }
        throw new IllegalStateException("no matching line within ${seconds}s:\n${lines.join('\n')}")
    }

    long millisSinceStart() {
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos)
    }

    static int freePort() {
        new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
    }

    @Override
    void close() {
        process.destroy()
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly()
        }
    }
}
