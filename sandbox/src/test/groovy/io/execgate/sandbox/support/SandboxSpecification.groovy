package io.execgate.sandbox.support

import io.execgate.sandbox.Sandbox
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/** One sandbox (every simulated vendor on loopback, free ports) per spec, reset after every feature. */
abstract class SandboxSpecification extends Specification {
    @Shared
    Sandbox sandbox

    /** How long a retried execution stays in each status; short, so lifecycles finish within a test. */
    Duration step() { Duration.ofSeconds(1) }

    def setupSpec() {
        sandbox = Sandbox.start(Sandbox.Options.embedded(step()))
    }

    def cleanupSpec() {
        sandbox?.close()
    }

    def cleanup() {
        sandbox.simulators().each { new VendorCalls(it).raw('POST', '/_sandbox/reset') }
    }

    VendorCalls calls(String name) {
        new VendorCalls(sandbox.simulator(name))
    }
}
