package io.execgate.gateway.support

import groovy.json.JsonSlurper

import java.nio.charset.StandardCharsets

/**
 * A minimal HTTP/1.1 client that sends the request target exactly as written ({@code ..},
 * {@code %ZZ}, a raw {@code +}), which java.net clients would reject or normalise.
 */
class RawHttp {
    static class Answer {
        int status
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
        String body

        Object getJson() { body ? new JsonSlurper().parseText(body) : null }

        String header(String name) { headers[name] }
    }

    final int port

    RawHttp(int port) { this.port = port }

    Answer send(String method, String target, Map<String, String> headers = [:], String body = null) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)
        new Socket('127.0.0.1', port).withCloseable { socket ->
            socket.soTimeout = 30_000
            def head = new StringBuilder("$method $target HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nConnection: close\r\n")
            headers.each { k, v -> head << "$k: $v\r\n" }
            if (body != null) {
                head << "Content-Length: ${payload.length}\r\n"
            }
            head << '\r\n'
            socket.outputStream.write(head.toString().getBytes(StandardCharsets.UTF_8))
            socket.outputStream.write(payload)
            socket.outputStream.flush()
            Answer answer = parse(socket.inputStream.readAllBytes())
            TestTraffic.answer(answer.status, answer.headers, answer.body)
            answer
        }
    }

    /** Polls {@code GET /health} every 20 ms until it answers 200, for at most {@code seconds}. */
    void awaitHealth(long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L
        while (System.nanoTime() < deadline) {
            try {
                if (send('GET', '/health').status == 200) {
                    return
                }
            } catch (IOException notYet) {
                Thread.sleep(20)
            }
        }
        throw new IllegalStateException("nothing answered /health on port $port within ${seconds}s")
    }

    private static Answer parse(byte[] raw) {
        int split = indexOf(raw, '\r\n\r\n'.bytes, 0)
        def lines = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split('\r\n')
        def answer = new Answer(status: lines[0].split(' ')[1] as int)
        lines.drop(1).each { line ->
            int colon = line.indexOf(':')
            answer.headers[line.substring(0, colon).trim()] = line.substring(colon + 1).trim()
        }
        byte[] body = Arrays.copyOfRange(raw, split + 4, raw.length)
        answer.body = new String(answer.header('Transfer-Encoding') == 'chunked' ? dechunk(body) : body, StandardCharsets.UTF_8)
        answer
    }

    /** Chunk sizes count bytes, so the body is reassembled as bytes before it is decoded. */
    private static byte[] dechunk(byte[] chunked) {
        def out = new ByteArrayOutputStream()
        int i = 0
        while (true) {
            int eol = indexOf(chunked, '\r\n'.bytes, i)
            int size = Integer.parseInt(new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1).trim(), 16)
            if (size == 0) {
                return out.toByteArray()
            }
            out.write(chunked, eol + 2, size)
            i = eol + 2 + size + 2
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i
            }
        }
        throw new IllegalStateException('malformed HTTP answer')
    }
}
