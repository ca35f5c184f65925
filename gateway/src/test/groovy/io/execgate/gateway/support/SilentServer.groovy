package io.execgate.gateway.support

import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * A server on 127.0.0.1 that accepts connections and reads whatever arrives, but never answers: a
 * Redis that hangs (a stopped process behind a live socket, a broken proxy). Counts the connections
 * it accepted.
 */
class SilentServer implements Closeable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
    private final ExecutorService pool = Executors.newCachedThreadPool { r -> def t = new Thread(r, 'silent-server'); t.daemon = true; t }
    private final Set<Socket> open = Collections.synchronizedSet(new HashSet<Socket>())
    private final AtomicInteger accepted = new AtomicInteger()
    private final CountDownLatch heard = new CountDownLatch(1)

    SilentServer() {
        pool.submit { acceptLoop() }
    }

    int getPort() { server.localPort }

    String getUri() { "redis://127.0.0.1:$port" }

    /** How many connections were accepted so far. */
    int getAccepted() { accepted.get() }

    /** Waits (at most {@code seconds}) until a client has sent a byte; fails if none did. */
    void awaitBytes(long seconds) {
        assert heard.await(seconds, TimeUnit.SECONDS): "nothing was sent to the silent server within ${seconds}s"
    }

    private void acceptLoop() {
        while (!server.closed) {
            try {
                Socket socket = server.accept()
                accepted.incrementAndGet()
                open << socket
                pool.submit { swallow(socket) }
            } catch (IOException ignored) {
                return
            }
        }
    }

    private void swallow(Socket socket) {
        try {
            byte[] buffer = new byte[512]
            while (socket.inputStream.read(buffer) != -1) {
                heard.countDown()
            }
        } catch (IOException ignored) {
        } finally {
            open.remove(socket)
            try { socket.close() } catch (IOException ignored) {}
        }
    }

    @Override
    void close() {
        server.close()
        open.toList().each { try { it.close() } catch (IOException ignored) {} }
        pool.shutdownNow()
        pool.awaitTermination(5, TimeUnit.SECONDS)
    }
}
