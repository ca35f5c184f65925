package io.execgate.gateway

import io.execgate.adapter.VendorAdapter
import io.execgate.gateway.config.ConfigurationCheck
import io.execgate.sandbox.ExecutionBook
import io.execgate.sandbox.Sandbox
import io.execgate.sandbox.VendorBehaviour
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Specification

import java.time.Duration

/**
 * The sandbox shares the gateway's JVM and classpath but not its beans: a simulator's context holds
 * no gateway or adapter bean, and the gateway's context no simulator.
 */
class SandboxIsolationSpec extends Specification {

    def "a simulator's context holds its own vendor's rules and nothing of the gateway"() {
        given:
        def sandbox = Sandbox.start(Sandbox.Options.embedded(Duration.ofSeconds(1)))

        expect:
        sandbox.simulators().every { s ->
            def context = s.context()
            context.getBeansOfType(VendorBehaviour).size() == 1 &&
                    context.getBean(VendorBehaviour).class.package.name == "io.execgate.sandbox.${s.vendor()}" &&
                    !context.containsBean(VendorAdapter) &&
                    !context.containsBean(VendorRegistry) &&
                    !context.containsBean(ConfigurationCheck)
        }

        cleanup:
        sandbox?.close()
    }

    def "the gateway's context holds no simulator"() {
        given:
        def server = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'execgate.auth.enabled': false])

        expect:
        server.applicationContext.containsBean(VendorRegistry)
        !server.applicationContext.containsBean(ExecutionBook)
        !server.applicationContext.containsBean(VendorBehaviour)

        cleanup:
        server?.close()
    }
}
