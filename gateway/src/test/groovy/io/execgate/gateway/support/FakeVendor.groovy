package io.execgate.gateway.support

import groovy.json.JsonOutput

import java.nio.charset.StandardCharsets
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * A vendor on 127.0.0.1 that records every request exactly as it arrived (request line, headers,
 * body) before it reacts, then answers as scripted: a canned body, or a fault (hang, reset,
 * close). Plain sockets, so nothing between the gateway and the recording is normalised.
 */
class FakeVendor implements Closeable {
    /** What arrived, byte for byte in the request line. */
    static class Recorded {
        String method
        String target
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
        byte[] body
        /** When it arrived ({@link System#nanoTime}), for specs that check how calls are spaced. */
        long arrivedNanos

        String header(String name) { headers[name]?.first() }

        String getText() { new String(body, StandardCharsets.UTF_8) }

        String getRequestLine() { "$method $target" }
    }

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
    private final ExecutorService pool = Executors.newCachedThreadPool { r -> def t = new Thread(r, 'fake-vendor'); t.daemon = true; t }
    private final Set<Socket> open = Collections.synchronizedSet(new HashSet<Socket>())
    final Queue<Recorded> requests = new ConcurrentLinkedQueue<>()
    private volatile Closure<Map> script = { Recorded r -> [status: 200, body: '{}'] }
    private volatile CountDownLatch held = new CountDownLatch(0)

    FakeVendor() {
        pool.submit { acceptLoop() }
    }

    int getPort() { server.localPort }

    String getUrl() { "http://127.0.0.1:$port" }

    /** Answers every request with this status and body (a Map or List is sent as JSON). */
    FakeVendor answer(int status, Object body, Map<String, String> headers = [:]) {
        String text = body instanceof String ? body : JsonOutput.toJson(body)
        Map<String, String> all = ['Content-Type': 'application/json'] + headers
        script = { Recorded r -> [status: status, body: text, headers: all] }
        this
    }

    /** Answers like {@link #answer}, but only after {@code millis}: a slow vendor. */
    FakeVendor answerAfter(long millis, int status, Object body) {
        answer(status, body)
        Closure<Map> answering = script
        script = { Recorded r -> answering(r) + [delay: millis] }
        this
    }

    /**
     * Answers like {@link #answer}, but holds every answer until {@link #releaseAnswers}: calls stay in
     * flight for as long as a test needs them to. Held at most {@code maxSeconds}, so that a test that
     * fails before it releases them does not hang.
     */
    FakeVendor answerWhenReleased(int status, Object body, long maxSeconds = 20) {
        answer(status, body)
        Closure<Map> answering = script
        CountDownLatch gate = new CountDownLatch(1)
        held = gate
        script = { Recorded r -> answering(r) + [until: gate, maxSeconds: maxSeconds] }
        this
    }

    /** Lets every answer held by {@link #answerWhenReleased} go, and those still to come. */
    FakeVendor releaseAnswers() {
        held.countDown()
        this
    }

    /**
     * Reacts to each request as {@code reaction} says: {@code [status:, body:, headers:, delay:, until:]}, or a
     * fault {@code [fault: 'hang'|'reset'|'close', millis:]}.
     */
    FakeVendor behave(Closure<Map> reaction) {
        script = reaction
        this
    }

    /** Answers with exactly these headers (none added). */
    FakeVendor answerRaw(int status, String body, Map<String, String> headers) {
        script = { Recorded r -> [status: status, body: body, headers: headers] }
        this
    }

    /** Reads the request, then says nothing for {@code millis} and closes. */
    FakeVendor hang(long millis) {
        script = { Recorded r -> [fault: 'hang', millis: millis] }
        this
    }

    /** Reads the request, then resets the connection (TCP RST). */
    FakeVendor resetConnection() {
        script = { Recorded r -> [fault: 'reset'] }
        this
    }

    /** Reads the request, then closes the connection without answering. */
    FakeVendor closeConnection() {
        script = { Recorded r -> [fault: 'close'] }
        this
    }

    FakeVendor clear() {
        requests.clear()
        this
    }

    /** Waits (at most {@code seconds}) until a request has arrived: the call is now at the vendor. */
    void awaitRequest(long seconds) {
        awaitRequests(1, seconds)
    }

    /**
     * Waits (at most {@code seconds}) until {@code wanted} requests have arrived, and returns all that
     * arrived. Fails if fewer came; a caller that also wants "no more than that" checks the size.
     */
    List<Recorded> awaitRequests(int wanted, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L
        while (requests.size() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(10)
        }
        assert requests.size() >= wanted: "${requests.size()} of ${wanted} requests reached the fake vendor within ${seconds}s"
        requests as List
    }

    Recorded getOnlyRequest() {
        assert requests.size() == 1: "expected exactly one vendor call, got ${requests.size()}"
        requests.peek()
    }

    private void acceptLoop() {
        while (!server.closed) {
            try {
                Socket socket = server.accept()
                open << socket
                pool.submit { serve(socket) }
            } catch (IOException ignored) {
                return
            }
        }
    }

    private void serve(Socket socket) {
        socket.soTimeout = 10_000
        try {
            def input = new BufferedInputStream(socket.inputStream)
            while (true) {
                Recorded r = read(input)
                if (r == null) {
                    return
                }
                r.arrivedNanos = System.nanoTime()
                requests << r
                Map reaction = script.call(r)
                if (!react(socket, reaction)) {
                    return
                }
            }
        } catch (IOException ignored) {
        } finally {
            open.remove(socket)
            try { socket.close() } catch (IOException ignored) {}
        }
    }

    /** @return whether the connection stays open */
    private static boolean react(Socket socket, Map reaction) {
        switch (reaction.fault) {
            case 'hang':
                Thread.sleep(reaction.millis as long)
                return false
            case 'reset':
                socket.setSoLinger(true, 0)
                return false
            case 'close':
                return false
        }
        if (reaction.delay) {
            Thread.sleep(reaction.delay as long)
        }
        if (reaction.until) {
            (reaction.until as CountDownLatch).await(reaction.maxSeconds as long, TimeUnit.SECONDS)
        }
        byte[] body = (reaction.body ?: '').getBytes(StandardCharsets.UTF_8)
        def head = new StringBuilder("HTTP/1.1 ${reaction.status} Fake\r\n")
        (reaction.headers ?: [:]).each { k, v -> head << "$k: $v\r\n" }
        head << "Content-Length: ${body.length}\r\n\r\n"
        socket.outputStream.write(head.toString().getBytes(StandardCharsets.ISO_8859_1))
        socket.outputStream.write(body)
        socket.outputStream.flush()
        return true
    }

    private static Recorded read(InputStream input) {
        String line = readLine(input)
        if (line == null || line.isEmpty()) {
            return null
        }
        def parts = line.split(' ')
        def r = new Recorded(method: parts[0], target: parts[1])
        String header
        while ((header = readLine(input)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':')
            r.headers.computeIfAbsent(header.substring(0, colon).trim()) { [] } << header.substring(colon + 1).trim()
        }
        int length = (r.header('Content-Length') ?: '0') as int
        r.body = input.readNBytes(length)
        r
    }

    private static String readLine(InputStream input) {
        def bytes = new ByteArrayOutputStream()
        int b
        while ((b = input.read()) != -1) {
            if (b == '\n' as char) {
                break
            }
            if (b != '\r' as char) {
                bytes.write(b)
            }
        }
        b == -1 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1)
    }

    @Override
    void close() {
        server.close()
        // a copy taken under the set's lock: connection threads remove their sockets while this closes them
        List<Socket> sockets = null
        synchronized (open) { sockets = new ArrayList<>(open) }
        sockets.each { try { it.close() } catch (IOException ignored) {} }
        pool.shutdownNow()
        pool.awaitTermination(5, TimeUnit.SECONDS)
    }
}
