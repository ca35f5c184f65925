package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.execgate.sandbox.Sandbox
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files

/**
 * The shared specs run over Gateway.VENDORS, the fixture folders under src/test/resources/vendors.
 * That list is only as good as its match with the vendors the gateway really has: a vendor added
 * without fixtures, or fixtures left behind by a removed vendor, fail here instead of silently
 * shrinking what the shared specs cover.
 */
class VendorFixturesSpec extends Specification {
    @Shared @AutoCleanup ApplicationContext context = ApplicationContext.run(['execgate.auth.enabled': false])

    def "every vendor adapter the gateway discovers has a fixture folder, and every fixture folder an adapter"() {
        expect:
        context.getBean(VendorRegistry).all()*.name() == Gateway.VENDORS
    }

    def "the sandbox simulates every vendor the gateway has (the demo retries at each)"() {
        expect:
        Sandbox.DEFAULT_PORTS.keySet().sort() == Gateway.VENDORS
    }

    def "#vendor has its accepted retry answer, what /v1/vendors lists for it, and a checked-in spec"() {
        expect:
        Gateway.acceptedRetry(vendor)[0] in 200..299
        Gateway.getResource("/vendors/$vendor/listed.json") != null
        Files.isRegularFile(Gateway.ROOT.resolve("specs/vendors/${vendor}.yaml"))

        where:
        vendor << Gateway.VENDORS
    }
}
