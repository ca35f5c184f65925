package io.execgate.gateway.follow.webhook

import java.nio.charset.StandardCharsets
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * A webhook receiver on 127.0.0.1, written on a plain socket so the tests see what a real one
 * would: every connection accepted (also those that never send a request), and each request's
 * exact method, target, headers and body. It answers each request with {@link #answer}, raw HTTP,
 * or never when that is null.
 */
class Receiver implements AutoCloseable {
    static final String NO_CONTENT = 'HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'

    /** One request as it arrived; header names in lower case (they are case-insensitive). */
    static class Request {
        String method
        String target
        Map<String, List<String>> headers
        byte[] body
    }

    final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
    final AtomicInteger accepted = new AtomicInteger()
    final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>()
    volatile String answer = NO_CONTENT
    private final List<Socket> connections = new CopyOnWriteArrayList<>()

    Receiver() {
        Thread.startDaemon('webhook-receiver') {
            while (!server.closed) {
                Socket connection
                try {
                    connection = server.accept()
                } catch (IOException closed) {
                    return
                }
                accepted.incrementAndGet()
                connections << connection
                Thread.startDaemon('webhook-receiver-connection') { serve(connection) }
            }
        }
    }

    int getPort() {
        server.localPort
    }

    URI url(String pathAndQuery, String host = '127.0.0.1') {
        URI.create("http://${host}:${port}${pathAndQuery}")
    }

    /** The next request, waiting at most five seconds for it. */
    Request nextRequest() {
        Request request = requests.poll(5, TimeUnit.SECONDS)
        assert request != null: 'the receiver got no request within 5 s'
        request
    }

    private void serve(Socket connection) {
        try {
            connection.soTimeout = 10_000
            InputStream input = new BufferedInputStream(connection.inputStream)
            String[] requestLine = readLine(input).split(' ')
            Map<String, List<String>> headers = [:]
            for (String line = readLine(input); !line.isEmpty(); line = readLine(input)) {
                int colon = line.indexOf(':')
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT)) { [] } << line.substring(colon + 1).trim()
            }
            int length = (headers['content-length']?.first() ?: '0') as int
            requests << new Request(method: requestLine[0], target: requestLine[1], headers: headers,
                    body: input.readNBytes(length))
            String reply = answer
            if (reply != null) {
                connection.outputStream.write(reply.getBytes(StandardCharsets.ISO_8859_1))
                connection.outputStream.flush()
                connection.close()
            }
        } catch (IOException ignored) {
            // the sender hung up: what it sent is recorded, nothing more to do
        }
    }

    private static final int LF = 10

    private static String readLine(InputStream input) {
        def line = new ByteArrayOutputStream()
        for (int b = input.read(); b != LF; b = input.read()) {
            if (b < 0) {
                throw new EOFException('connection closed mid-line')
            }
            line.write(b)
        }
        line.toString(StandardCharsets.ISO_8859_1).stripTrailing()
    }

    @Override
    void close() {
        server.close()
        connections*.close()
    }
}
