package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/** Each vendor gets its own key in its own header, and no other vendor's key, ever. */
class VendorAuthSpec extends Specification {
    static final Map<String, List> CALLS = [
            kaizen : [200, 'retry-200.json', 'exec_1'],
            kinetic: [201, 'retry-201.json', 'ex-1'],
            algapsa: [200, 'retry-200.json', '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'],
            skyvern: [200, 'retry-200.json', 'wr_1']]

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "#vendor receives its own key, in #header"() {
        given:
        def (status, file, id) = CALLS[vendor]
        gateway.vendor(vendor).answer(status as int, fixture(vendor, file as String))

        when:
        def answer = gateway.retry(vendor, id as String, null, ['X-Kinetic-Key': 'caller-supplied', 'x-api-key': 'caller-supplied'])

        then:
        answer.status == 202
        def call = gateway.vendor(vendor).onlyRequest
        call.headers[header] == [value]

        and: 'no other secret, and not the caller\'s client key or headers, travels to the vendor'
        def everything = call.headers.toString() + call.text
        (Gateway.VENDOR_KEYS.findAll { it.key != vendor }.values() + [Gateway.CLIENT_KEY, 'caller-supplied']).every { !everything.contains(it) }
        call.headers.keySet().findAll { it.equalsIgnoreCase('Authorization') }.size() == (vendor == 'kaizen' ? 1 : 0)

        where:
        vendor    | header          | value
        'kaizen'  | 'Authorization' | "Bearer ${Gateway.VENDOR_KEYS.kaizen}".toString()
        'kinetic' | 'X-Kinetic-Key' | Gateway.VENDOR_KEYS.kinetic
        'algapsa' | 'x-api-key'     | Gateway.VENDOR_KEYS.algapsa
        'skyvern' | 'x-api-key'     | Gateway.VENDOR_KEYS.skyvern
    }
}
