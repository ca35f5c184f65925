package io.execgate.gateway

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Adding a vendor is its spec, its adapter package and a config block: the gateway's own code
 * never names one (style.md, "No vendor names outside the vendor's own package").
 */
class NoVendorNamesInGatewaySpec extends Specification {

    def "gateway/src/main names no vendor"() {
        given:
        Path main = Path.of(System.getProperty('execgate.root'), 'gateway', 'src', 'main', 'java')

        when:
        def hits = Files.walk(main).withCloseable { files ->
            files.filter { it.toString().endsWith('.java') }.collect { file ->
                Files.readAllLines(file).findIndexValues { it =~ /(?i)kaizen|kinetic|algapsa|skyvern/ }
                        .collect { "${main.relativize(file)}:${it + 1}" }
            }.flatten()
        }

        then:
        hits == []
    }
}
