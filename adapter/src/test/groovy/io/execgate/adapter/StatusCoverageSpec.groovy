package io.execgate.adapter

import groovy.yaml.YamlSlurper
import io.execgate.api.model.ExecutionStatus
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Path

/**
 * Every status value a checked-in vendor spec documents has a canonical row in that vendor's
 * column of the status table (its mapper's {@code @ValueMapping}s): a spec update that adds a
 * status fails here, naming vendor and value, instead of surfacing as UNKNOWN in production.
 */
class StatusCoverageSpec extends Specification {
    static final Path ROOT = Path.of(System.getProperty('execgate.root', '..'))

    @Shared @AutoCleanup ApplicationContext context = ApplicationContext.run()
    @Shared Map<String, StatusColumn> columns = context.getBeansOfType(StatusColumn).collectEntries {
        [(it.class.packageName.tokenize('.').last()): it]
    }

    def "every status #vendor's spec documents maps to a canonical status"() {
        given:
        def documented = statusEnums(vendor)

        expect: 'the spec documents statuses and the vendor has a column'
        !documented.isEmpty()
        columns[vendor] != null

        and: "a vendor's own 'unknown' is UNKNOWN by the contract's table; every other value has a row"
        documented.findAll { !it.equalsIgnoreCase('unknown') && columns[vendor].canonical(it) == ExecutionStatus.UNKNOWN }
                .collect { "$vendor: '$it' has no row in the status table" } == []

        where:
        vendor << VendorSpecs.NAMES
    }

    def "the check notices a value without a row"() {
        expect:
        columns.kinetic.canonical('cancelled') == ExecutionStatus.UNKNOWN
        columns.skyvern.canonical('canceled') == ExecutionStatus.CANCELED
    }

    /** Every enum value of every property named {@code status}, through {@code $ref}s and {@code anyOf}/{@code oneOf}. */
    static Set<String> statusEnums(String vendor) {
        def spec = new YamlSlurper().parse(ROOT.resolve("specs/vendors/${vendor}.yaml"))
        Set<String> values = []
        spec.components.schemas.each { name, schema ->
            schema.properties?.each { property, definition ->
                if (property == 'status') {
                    collect(spec, definition, values)
                }
            }
        }
        values
    }

    private static void collect(spec, node, Set<String> values) {
        if (node?.'$ref') {
            collect(spec, spec.components.schemas[node.'$ref'.tokenize('/').last()], values)
            return
        }
        node?.enum?.each { if (it != null) values << (it as String) }
        (node?.anyOf ?: []).each { collect(spec, it, values) }
        (node?.oneOf ?: []).each { collect(spec, it, values) }
    }

    /** The checked-in vendor specs. */
    static class VendorSpecs {
        static final List<String> NAMES = ROOT.resolve('specs/vendors').toFile().list()
                .findAll { it.endsWith('.yaml') && !it.contains('.overlay.') }
                .collect { it - '.yaml' }.sort()
    }
}
