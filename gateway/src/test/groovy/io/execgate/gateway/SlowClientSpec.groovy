package io.execgate.gateway

import groovy.json.JsonSlurper
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.TestTraffic
import spock.lang.AutoCleanup
import spock.lang.Issue
import spock.lang.Shared
import spock.lang.Specification

import java.nio.charset.StandardCharsets

import static io.execgate.gateway.support.Gateway.fixture

/**
 * A client that sends half a request holds a connection only for the header or body timeout, then
 * gets a 408 problem and is closed; a connection that says nothing, or waits after its answer, is
 * closed too. The deadlines cover receiving only: a vendor slower than all of them still answers.
 *
 * <p>Every wait here is a socket read bounded by {@link #WAIT_MS}: without the deadlines the server
 * would hold these sockets for Micronaut's 5-minute idle timeout, and the read fails the test.
 */
@Issue('First run and contract polish, item 15')
class SlowClientSpec extends Specification {
    static final int WAIT_MS = 15_000
    static final String AUTH = "Authorization: Bearer ${Gateway.CLIENT_KEY}\r\n"
    static final String RETRY_HEAD = "POST /v1/executions/skyvern/wr_1/retry HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    static final String HALF_LINE = 'POST /v1/executions/sky'
    static final String HALF_HEADERS = RETRY_HEAD + 'Authorization: Bea'
    static final String SHORT_BODY = RETRY_HEAD + AUTH + 'X-Request-Id: slow-body-1\r\n' +
            'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"maxSteps'

    @Shared @AutoCleanup Gateway gateway = new Gateway([
            'execgate.server.header-timeout'       : '1s',
            'execgate.server.body-timeout'         : '1s',
            'execgate.server.keep-alive-timeout'   : '1s',
            // the slow vendor below answers after 2.5 s: longer than every client deadline, within this
            'execgate.vendors.skyvern.read-timeout': '5s'])
    List<Socket> sockets = []

    def setup() {
        gateway.clearVendors()
        gateway.vendor('skyvern').answer(200, fixture('skyvern', 'retry-200.json'))
    }

    def cleanup() {
        sockets.each { it.close() }
    }

    def "#what: a 408 problem, then the connection is closed, and no vendor call"() {
        given:
        Socket socket = open()

        when:
        send(socket, sent)
        Answer answer = Answer.read(new BufferedInputStream(socket.inputStream))

        then: 'the contract\'s problem for a request that did not arrive'
        answer.status == 408
        answer.headers['connection'] == 'close'
        answer.headers['content-type'] == 'application/problem+json'
        Gateway.GATEWAY_SPEC.responseErrors('POST', '/v1/executions/skyvern/wr_1/retry', 408,
                answer.headers['content-type'], answer.body) == []
        with(answer.json) {
            type == '/problems/request-timeout'
            code == 'REQUEST_TIMEOUT'
            status == 408
            retryable == true
            outcome == 'NOT_SENT'
            requestId == answer.headers['x-request-id']
        }
        echoed == null || answer.json.requestId == echoed

        and: 'the server closed the connection'
        socket.inputStream.read() == -1

        and:
        gateway.vendorCalls == 0

        where:
        what                                   | sent         | echoed
        'half a request line'                  | HALF_LINE    | null
        'a request line and half the headers'  | HALF_HEADERS | null
        'the headers and 10 of 100 body bytes' | SHORT_BODY   | 'slow-body-1'
    }

    def "a body that stops arriving is answered like any problem: counted as a 408, not as a gateway failure"() {
        given:
        Socket socket = send(open(), SHORT_BODY)

        when:
        Answer answer = Answer.read(new BufferedInputStream(socket.inputStream))
        String scrape = gateway.http.send('GET', '/prometheus').body

        then:
        answer.status == 408
        answer.headers['server-timing'].startsWith('vendor;dur=0.000, gateway;dur=')
        scrape.contains('execgate_requests_total{code="REQUEST_TIMEOUT",operation="retry",outcome="NOT_SENT",replayed="false",status="408",vendor="skyvern"}')
        !scrape.contains('status="500"')
    }

    def "a client that hangs up half-way through its body is counted as the 400 it is, not as a gateway failure"() {
        given:
        Socket socket = send(open(), SHORT_BODY)

        when: 'it closes before the 100 bytes it announced, long before the body timeout'
        socket.close()
        String counted = 'execgate_requests_total{code="INVALID_REQUEST",operation="retry",outcome="NOT_SENT",replayed="false",status="400",vendor="skyvern"}'
        String scrape = awaitScrape(10) { it.contains(counted) }

        then: 'the meters say a bad request that reached no vendor (the signal waited on), and nothing failed'
        scrape.contains(counted)
        !scrape.contains('status="500"')
        gateway.vendorCalls == 0
    }

    def "a connection that sends nothing is closed without an answer"() {
        given:
        Socket socket = open()

        expect:
        socket.inputStream.readAllBytes().length == 0
    }

    def "an answered keep-alive connection is closed once it has waited for its next request"() {
        given:
        Socket socket = open()
        def input = new BufferedInputStream(socket.inputStream)

        when:
        send(socket, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')

        then:
        Answer.read(input).status == 200
        input.read() == -1
    }

    def "/health answers on a fresh connection while 200 slow clients hold theirs, and each slow one gets its 408"() {
        given:
        List<String> partial = [HALF_LINE, HALF_HEADERS, SHORT_BODY]
        List<Socket> slow = (0..<200).collect { i -> send(open(), partial[i % partial.size()]) }

        when:
        int health = gateway.http.send('GET', '/health').status
        List<Integer> statuses = slow.collect { Answer.read(new BufferedInputStream(it.inputStream)).status }

        then:
        health == 200
        statuses.every { it == 408 }
        slow.every { it.inputStream.read() == -1 }
        gateway.vendorCalls == 0
    }

    def "a complete request whose vendor is slower than every client deadline still gets its 202, and the connection stays usable"() {
        given:
        gateway.vendor('skyvern').answerAfter(2_500, 200, fixture('skyvern', 'retry-200.json'))
        Socket socket = open()
        def input = new BufferedInputStream(socket.inputStream)

        when: 'a keep-alive retry the vendor answers after 2.5 s (the deadlines are 1 s)'
        send(socket, RETRY_HEAD + AUTH + 'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}')
        Answer retried = Answer.read(input)

        and: 'the next request on the same connection'
        send(socket, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
        Answer health = Answer.read(input)

        then:
        retried.status == 202
        gateway.vendor('skyvern').onlyRequest
        health.status == 200
    }

    /** Scrapes /prometheus until it shows what {@code shows} looks for, for at most {@code seconds}. */
    private String awaitScrape(int seconds, Closure<Boolean> shows) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L
        String scrape = gateway.http.send('GET', '/prometheus').body
        while (!shows(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(50)
            scrape = gateway.http.send('GET', '/prometheus').body
        }
        scrape
    }

    private Socket open() {
        Socket socket = new Socket('127.0.0.1', gateway.server.port)
        socket.soTimeout = WAIT_MS
        sockets << socket
        socket
    }

    private static Socket send(Socket socket, String text) {
        socket.outputStream.write(text.getBytes(StandardCharsets.ISO_8859_1))
        socket.outputStream.flush()
        socket
    }

    /** One HTTP/1.1 answer read off a connection that may stay open (Content-Length or chunked). */
    static class Answer {
        int status
        Map<String, String> headers = [:]
        String body

        Object getJson() { new JsonSlurper().parseText(body) }

        static Answer read(InputStream input) {
            List<String> lines = []
            for (String line = lineOf(input); !line.isEmpty(); line = lineOf(input)) {
                lines << line
            }
            def answer = new Answer(status: lines[0].split(' ')[1] as int)
            lines.drop(1).each { answer.headers[it.substring(0, it.indexOf(':')).trim().toLowerCase()] = it.substring(it.indexOf(':') + 1).trim() }
            def body = new ByteArrayOutputStream()
            if (answer.headers['transfer-encoding'] == 'chunked') {
                for (int size = Integer.parseInt(lineOf(input), 16); size > 0; size = Integer.parseInt(lineOf(input), 16)) {
                    body.write(input.readNBytes(size))
                    lineOf(input)
                }
                lineOf(input)
            } else {
                body.write(input.readNBytes((answer.headers['content-length'] ?: '0') as int))
            }
            answer.body = body.toString(StandardCharsets.UTF_8)
            TestTraffic.answer(answer.status, answer.headers, answer.body)
            answer
        }

        /** A line without its CR LF; fails when the connection ends first. */
        private static String lineOf(InputStream input) {
            def bytes = new ByteArrayOutputStream()
            for (int b = input.read(); b != '\n'; b = input.read()) {
                assert b != -1: "the connection ended mid-answer after '${bytes.toString(StandardCharsets.ISO_8859_1)}'"
                if (b != '\r') bytes.write(b)
            }
            bytes.toString(StandardCharsets.ISO_8859_1)
        }
    }
}
