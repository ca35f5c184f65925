package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import io.execgate.sandbox.Sandbox
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

/**
 * Adding a vendor is its own files: its spec, its adapter and sandbox packages, its fixtures. Shared
 * code never names one (style.md, "No vendor names outside the vendor's own package"): a name there is
 * a list that nothing keeps in step. The names come from discovery (the adapters' fixture folders and
 * the sandbox's vendors), so a new vendor is covered without editing this spec.
 *
 * <p>Out of scope, on purpose: the benchmark (its scenario is one named vendor's answer, the header of bench/run),
 * configuration examples in application.yml and the docs, and every test (tests call vendors by name).
 */
class NoVendorNamesInGatewaySpec extends Specification {
    static final Path ROOT = Path.of(System.getProperty('execgate.root'))
    static final Set<String> VENDORS = (Gateway.VENDORS + Sandbox.DEFAULT_PORTS.keySet()) as Set
    static final Pattern NAMES = Pattern.compile('(?i)(?<![a-z0-9])(' + VENDORS.collect { Pattern.quote(it) }.join('|') + ')(?![a-z0-9])')

    def "#tree names no vendor outside the vendors' own packages"() {
        given:
        Path main = ROOT.resolve(tree)

        when:
        List<String> hits = Files.walk(main).withCloseable { files ->
            files.filter { Files.isRegularFile(it) && !inVendorPackage(main.relativize(it)) }.toList()
        }.collectMany { Path file -> namesIn(file) }

        then:
        Files.isDirectory(main)
        hits == []

        where:
        tree << ['gateway/src/main/java', 'adapter/src/main/java', 'sandbox/src/main/java',
                 'spec-drift/src/main/java', 'testkit/src/main/java']
    }

    def "#script names no vendor"() {
        expect:
        namesIn(ROOT.resolve(script)) == []

        where:
        script << ['execgate', '.ci/run', 'specs/tools/extract_vendor_spec.py']
    }

    def "the names searched for are the discovered vendors"() {
        expect: 'an empty list would make the features above pass whatever the code says'
        VENDORS.size() >= 4
        NAMES.matcher('see Adapter for ' + VENDORS.first().toUpperCase()).find()
        !NAMES.matcher(VENDORS.first() + 'x').find()
    }

    /** {@code io/execgate/<module>/<vendor>/…}: a vendor's own package. */
    private static boolean inVendorPackage(Path relative) {
        relative.nameCount > 3 && relative.getName(3).toString() in VENDORS
    }

    private static List<String> namesIn(Path file) {
        Files.readAllLines(file).findIndexValues { NAMES.matcher(it).find() }
                .collect { "${ROOT.relativize(file)}:${it + 1}".toString() }
    }
}
