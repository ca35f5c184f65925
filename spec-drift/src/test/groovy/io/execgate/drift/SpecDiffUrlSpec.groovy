package io.execgate.drift

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * Documents given as URLs (issue 18, item 7), against a server on 127.0.0.1: the same report as
 * from files, and one clear line, exit 2, for a failed answer, one too large, or none in time.
 */
class SpecDiffUrlSpec extends Specification {
    HttpServer server
    CountDownLatch release = new CountDownLatch(1)

    def setup() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext('/kinetic/') { HttpExchange exchange ->
            def file = new File("$SpecDiffRun.FIXTURES/kinetic/" + exchange.requestURI.path.tokenize('/').last())
            answer(exchange, file.exists() ? 200 : 404, file.exists() ? file.bytes : new byte[0])
        }
        server.createContext('/declared-huge') { HttpExchange exchange ->
            try { exchange.sendResponseHeaders(200, RemoteDocument.MAX_BYTES + 1L) } finally { exchange.close() }
        }
        server.createContext('/streamed-huge') { HttpExchange exchange ->
            try {
                exchange.sendResponseHeaders(200, 0)
                byte[] chunk = new byte[1024 * 1024]
                Arrays.fill(chunk, (byte) 0x20)
                33.times { exchange.responseBody.write(chunk) }
            } catch (IOException ignored) {
                // the client stopped reading: what is tested
            } finally {
                exchange.close()
            }
        }
        server.createContext('/silent') { HttpExchange exchange ->
            release.await(10, TimeUnit.SECONDS)
            exchange.close()
        }
        server.executor = java.util.concurrent.Executors.newCachedThreadPool()
        server.start()
    }

    def cleanup() {
        release.countDown()
        RemoteDocument.timeout = Duration.ofSeconds(30)
        server.stop(0)
        server.executor.shutdownNow()
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length)
        if (body.length > 0) {
            exchange.responseBody.write(body)
        }
        exchange.close()
    }

    private String url(String path) {
        "http://127.0.0.1:${server.address.port}$path"
    }

    def "old and new as URLs give the report the files give"() {
        when:
        def fromUrls = SpecDiffRun.of(url('/kinetic/old.yaml'), url('/kinetic/status-cancelled.yaml'), '--format', 'json')
        def fromFiles = SpecDiffRun.fixture('kinetic', 'status-cancelled', '--format', 'json')

        then:
        fromUrls.err == ''
        fromUrls.exitCode == 1
        fromUrls.json().findings == fromFiles.json().findings
        fromUrls.json().new == url('/kinetic/status-cancelled.yaml')
    }

    def "#problem: exit 2 and one line saying so"() {
        given:
        RemoteDocument.timeout = Duration.ofSeconds(1)

        when:
        def run = SpecDiffRun.of(url('/kinetic/old.yaml'), url(path))

        then:
        run.exitCode == 2
        run.out == ''
        run.err == "spec-diff: ${url(path)}: $message\n"

        where:
        problem                    | path             || message
        'not found'                | '/kinetic/x.yaml' || 'HTTP 404'
        'a declared length too big' | '/declared-huge' || "${RemoteDocument.MAX_BYTES + 1} bytes, more than the ${RemoteDocument.MAX_BYTES} a document may have"
        'a body too big'           | '/streamed-huge' || "more than the ${RemoteDocument.MAX_BYTES} bytes a document may have"
        'no answer'                | '/silent'        || 'no answer within 1 s'
    }

    def "plain http is for this machine only: #given"() {
        when: 'refused before any connection is tried'
        def run = SpecDiffRun.of(given, url('/kinetic/old.yaml'))

        then:
        run.exitCode == 2
        run.err == "spec-diff: $given: use https:// (plain http only to 127.0.0.1 or localhost)\n"

        where:
        given << ['http://example.com/spec.yaml', 'http://10.0.0.1/spec.yaml']
    }
}
