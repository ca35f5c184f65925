package io.execgate.sandbox

import io.execgate.sandbox.support.SandboxSpecification
import io.execgate.sandbox.support.VendorCalls

import java.nio.file.Files
import java.nio.file.Path

/**
 * The sandbox finds its vendors (SimulatedVendors), it lists none: a vendor is a package
 * {@code io.execgate.sandbox.<vendor>} whose behaviour carries {@code @SimulatedVendor(port = …)}.
 */
class SimulatedVendorsSpec extends SandboxSpecification {

    def "every vendor package of the sandbox is found, each on a port of its own"() {
        given: "the sub-packages of io.execgate.sandbox in the sandbox's compiled classes"
        Path classes = Path.of(Sandbox.protectionDomain.codeSource.location.toURI()).resolve('io/execgate/sandbox')
        Set<String> packages = Files.list(classes).withCloseable { files ->
            files.filter { Files.isDirectory(it) }.map { it.fileName.toString() }.toList() as Set
        }

        expect: 'a package whose behaviour lacks the annotation would be missing here'
        !packages.isEmpty()
        Sandbox.DEFAULT_PORTS.keySet() == packages
        Sandbox.DEFAULT_PORTS.values().toSet().size() == packages.size()
        Sandbox.DEFAULT_PORTS.values().every { it > 1024 }
    }

    def "#vendor's simulator holds its own vendor's behaviour, and no other vendor's"() {
        expect:
        sandbox.simulator(vendor).context().getBeansOfType(VendorBehaviour)*.class*.packageName ==
                ["io.execgate.sandbox.$vendor".toString()]

        where:
        vendor << Sandbox.DEFAULT_PORTS.keySet()
    }

    def "#vendor has its test fixture (how a client calls it) and its checked-in spec"() {
        expect: 'VendorCalls fails loudly when the fixture is missing'
        VendorCalls.calls(vendor).retry.path.contains('{id}') || VendorCalls.calls(vendor).retry.body.contains('{id}')
        VendorCalls.calls(vendor).id
        Files.isRegularFile(VendorCalls.ROOT.resolve("specs/vendors/${vendor}.yaml"))

        where:
        vendor << Sandbox.DEFAULT_PORTS.keySet()
    }

    def "a marked behaviour outside a vendor package of the sandbox is refused"() {
        when:
        SimulatedVendors.vendorOf(packageName)

        then:
        IllegalStateException refused = thrown()
        refused.message.contains('io.execgate.sandbox.<vendor>')

        where:
        packageName << ['io.execgate.sandbox', 'io.execgate.sandbox.a.b', 'org.example.vendor']
    }
}
