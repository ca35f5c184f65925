package io.execgate.gateway.launch

import spock.lang.Specification

/**
 * Whether vendors and clients are configured decides what {@code run} starts (the gateway, or the
 * sandbox in its place). Read from arguments and system properties directly when they say so, else
 * from the whole environment, config files included: the two readings must agree.
 */
class LaunchSettingsSpec extends Specification {

    def cleanup() {
        System.clearProperty('execgate.vendors.skyvern.url')
        System.clearProperty('execgate.clients.ci.api-key')
    }

    def "#args configure vendors: #vendors, clients: #clients"() {
        expect:
        LaunchSettings.Configured.read(args as String[]) == new LaunchSettings.Configured(vendors, clients)

        where:
        args                                                                           || vendors | clients
        []                                                                             || false   | false
        ['--execgate.vendors.skyvern.url=http://127.0.0.1:9']                          || true    | false
        ['--execgate.clients.ci.api-key=k']                                            || false   | true
        ['--execgate.vendors.skyvern.url=http://127.0.0.1:9', '--execgate.clients.ci.api-key=k'] || true | true
    }

    def "system properties count as set, as the environment reads them"() {
        given:
        System.setProperty('execgate.vendors.skyvern.url', 'http://127.0.0.1:9')
        System.setProperty('execgate.clients.ci.api-key', 'k')

        expect:
        LaunchSettings.setDirectly(new String[0], 'execgate.vendors.')
        LaunchSettings.Configured.read(new String[0]) == new LaunchSettings.Configured(true, true)
    }

    def "a property under another prefix is not one of these"() {
        expect:
        !LaunchSettings.setDirectly(['--execgate.auth.enabled=false', '--execgate.vendorsx.a=1'] as String[], 'execgate.vendors.')
    }
}
