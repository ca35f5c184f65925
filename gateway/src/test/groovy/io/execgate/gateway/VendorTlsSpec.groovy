package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.Specification

import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * A vendor's client makes its TLS context only for an {@code https} URL (VendorClients: plain-http
 * vendors skip it at start). An {@code https} vendor is still called over TLS, never in the clear.
 */
class VendorTlsSpec extends Specification {
    static final int TLS_HANDSHAKE_RECORD = 0x16

    def "an https vendor is called over TLS: the first byte it receives opens a TLS handshake"() {
        given: 'a listener on 127.0.0.1 that reads the first byte a connection sends, then hangs up'
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        listener.soTimeout = 10_000
        CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync {
            listener.accept().withCloseable { Socket socket ->
                socket.soTimeout = 10_000
                socket.inputStream.read()
            }
        }
        Gateway gateway = new Gateway(['execgate.vendors.skyvern.url': "https://127.0.0.1:${listener.localPort}".toString()])

        when:
        def answer = gateway.retry('skyvern', 'wr_1')

        then:
        firstByte.get(15, TimeUnit.SECONDS) == TLS_HANDSHAKE_RECORD
        answer.status == 502

        cleanup:
        gateway?.close()
        listener.close()
    }
}
