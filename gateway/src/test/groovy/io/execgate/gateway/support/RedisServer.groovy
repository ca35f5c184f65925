package io.execgate.gateway.support

import java.util.concurrent.TimeUnit

/**
 * A real {@code redis-server} (the Debian package; {@code .ci/run} installs it) on a free loopback
 * port, without persistence, stopped on close.
 */
class RedisServer implements Closeable {
    final int port = Launched.freePort()
    final Process process

    RedisServer() {
        process = new ProcessBuilder('redis-server', '--port', port as String, '--bind', '127.0.0.1',
                '--save', '', '--appendonly', 'no').redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
        while (System.nanoTime() < deadline) {
            try {
                new Socket('127.0.0.1', port).withCloseable { return }
                return
            } catch (IOException notYet) {
                Thread.sleep(20)
            }
        }
        throw new IllegalStateException("redis-server did not listen on $port within 10s")
    }

    String getUri() { "redis://127.0.0.1:$port" }

    /** Runs one command through redis-cli and returns its output. */
    String cli(String... args) {
        def p = new ProcessBuilder(['redis-cli', '-p', port as String] + args.toList()).redirectErrorStream(true).start()
        String out = p.inputStream.text
        assert p.waitFor(10, TimeUnit.SECONDS)
        out.trim()
    }

    /** Stops the process (SIGSTOP): its connections stay open and nothing is answered, as a hung Redis. */
    void pause() { signal('STOP') }

    /** Lets a {@link #pause paused} process go on (SIGCONT). */
    void resume() { signal('CONT') }

    private void signal(String name) {
        def kill = new ProcessBuilder('kill', "-$name".toString(), process.pid() as String).redirectErrorStream(true).start()
        assert kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0
    }

    @Override
    void close() {
        if (process.alive) {
            resume() // a stopped process would not act on the SIGTERM below until continued
        }
        process.destroy()
        process.waitFor(10, TimeUnit.SECONDS)
    }
}
