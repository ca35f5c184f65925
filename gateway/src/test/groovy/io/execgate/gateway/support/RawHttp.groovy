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
            parse(socket.inputStream.readAllBytes())
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8)
        int split = text.indexOf('\r\n\r\n')
        def lines = text.substring(0, split).split('\r\n')
        def answer = new Answer(status: lines[0].split(' ')[1] as int)
        lines.drop(1).each { line ->
            int colon = line.indexOf(':')
            answer.headers[line.substring(0, colon).trim()] = line.substring(colon + 1).trim()
        }
        String rest = text.substring(split + 4)
        answer.body = answer.header('Transfer-Encoding') == 'chunked' ? dechunk(rest) : rest
        answer
    }

    private static String dechunk(String chunked) {
        def out = new StringBuilder()
        int i = 0
        while (true) {
            int eol = chunked.indexOf('\r\n', i)
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16)
            if (size == 0) {
                return out.toString()
            }
            out << chunked.substring(eol + 2, eol + 2 + size)
            i = eol + 2 + size + 2
        }
    }
}
