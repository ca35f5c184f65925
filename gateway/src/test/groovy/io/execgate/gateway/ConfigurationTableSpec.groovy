package io.execgate.gateway

import io.execgate.gateway.support.ApplicationYml
import io.execgate.gateway.support.Gateway
import io.micronaut.context.annotation.ConfigurationReader
import io.micronaut.context.annotation.EachProperty
import io.micronaut.context.annotation.Parameter
import io.micronaut.core.bind.annotation.Bindable
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * README's "Configuration" table is the one place a user looks: every property the gateway reads is
 * in it, under the name and default the code uses, with its environment variable form. Read from
 * the code: the configuration records (their components and {@code @Bindable} defaults),
 * {@code @Value} and launcher settings in the sources, and {@code application.yml}. (That a
 * configuration which cannot work stops startup naming the property is {@code ConfigurationSpec}'s.)
 */
class ConfigurationTableSpec extends Specification {
    /** Set in application.yml or read by the code, but not the user's to change; why, for each. */
    static final Map<String, String> INTERNAL = [
            'micronaut.application.name'                            : 'the service name in traces and meters',
            'micronaut.lifecycle.graceful-shutdown.enabled'         : 'always on; its grace period is in the table',
            'micronaut.router.static-resources.*'                   : 'serves /openapi and /docs',
            'micronaut.metrics.export.prometheus.*'                 : 'the /prometheus format (micronaut.metrics.enabled switches it)',
            'micronaut.metrics.binders.web.enabled'                 : 'the framework\'s per-request meters; the gateway records its own',
            'micronaut.health.monitor.enabled'                      : 'the management health monitor, replaced by /health',
            'endpoints.all.enabled'                                 : 'no management endpoint but /prometheus',
            'endpoints.prometheus.sensitive'                        : '/prometheus needs no key (endpoints.prometheus.enabled is in the table)',
            'redis.servers.idempotency.uri'                         : 'follows execgate.idempotency.redis-uri',
            'redis.servers.follow.uri'                              : 'the follow queue\'s client; its Redis is execgate.follow.redis-uri, else execgate.idempotency.redis-uri',
            'micronaut.serde.serialization.inclusion'               : 'the answers\' JSON shape is the contract\'s, not a setting',
            'execgate.sandbox.vendor'                               : 'set by the sandbox for each simulator it starts',
            'execgate.sandbox.api-key'                              : 'set by the sandbox for each simulator it starts',
    ]

    @Shared @AutoCleanup Gateway gateway = new Gateway()
    @Shared Map<String, String> table = readmeTable()

    def "every configuration record's property is in the table, with the code's default"() {
        expect:
        table.containsKey(property)
        fallback == null || table[property] == "`$fallback`".toString()

        where:
        [property, fallback] << recordProperties()
    }

    def "every property the sources read by name is in the table"() {
        expect:
        table.containsKey(property) || INTERNAL.containsKey(property)

        where:
        property << propertiesNamedInSources()
    }

    def "every property application.yml sets is in the table, or known to be internal"() {
        expect:
        table.containsKey(property) || INTERNAL.containsKey(property) || INTERNAL.keySet().any { it.endsWith('.*') && property.startsWith(it - '*') }

        where:
        property << applicationYmlProperties()
    }

    def "every commented example in application.yml sets, uncommented, a property in the table: #property"() {
        expect:
        rows()*.property.any { row -> property ==~ row.replaceAll(/<\w+>/, '[a-z0-9-]+').replace('.', '\\.') }

        where:
        property << (ApplicationYml.properties(ApplicationYml.uncommented()).keySet() - applicationYmlProperties())
    }

    def "each row shows the environment variable form of its property"() {
        expect:
        rows().every { row -> row.env == row.property.replaceAll(/<(\w+)>/) { all, word -> "<${word.toUpperCase()}>" }
                .replace('.', '_').replace('-', '_').toUpperCase() }
    }

    // ---

    private List<List> recordProperties() {
        // only ExecGate's references are loaded (some of Micronaut's need classes that are not on the class path)
        def definitions = gateway.server.applicationContext.beanDefinitionReferences
                .findAll { it.beanDefinitionName.startsWith('io.execgate.') }*.load()
                .findAll { it.hasStereotype(ConfigurationReader) && it.beanType.isRecord() }
        assert definitions*.beanType*.simpleName.containsAll(['VendorProperties', 'ClientProperties', 'IdempotencyProperties'])
        definitions.collectMany { definition ->
            Class<?> type = definition.beanType
            EachProperty each = type.getAnnotation(EachProperty)
            String prefix = each ? "${each.value()}.<${each.value().tokenize('.').last() - ~/s$/}>"
                    : definition.stringValue(ConfigurationReader, 'prefix').get()
            // the bean definition keeps the annotations Micronaut binds by (Bindable is not kept at run time)
            definition.constructor.arguments.findAll { !it.annotationMetadata.hasAnnotation(Parameter) }.collect { argument ->
                [("$prefix." + argument.name.replaceAll(/([A-Z])/) { all, c -> '-' + c.toLowerCase() }).toString(),
                 argument.annotationMetadata.stringValue(Bindable, 'defaultValue').orElse(null)]
            }
        }.unique()
    }

    private static List<String> propertiesNamedInSources() {
        List<String> found = []
        ['adapter', 'gateway', 'sandbox'].each { module ->
            Files.walk(Gateway.ROOT.resolve("$module/src/main/java")).withCloseable { files ->
                files.filter { it.toString().endsWith('.java') }.forEach { Path file ->
                    String text = Files.readString(file)
                    (text =~ /@Value\("\$\{([a-z][a-z0-9.-]+)/).each { found << it[1] }
                    (text =~ /LaunchSettings\.(?:setting|duration)\("([a-z0-9.-]+)"(?: \+ (\w+) \+ "([a-z0-9.-]+)")?/).each {
                        found << (it[2] ? "${it[1]}<${it[2]}>${it[3]}".toString() : it[1])
                    }
                }
            }
        }
        assert found.contains('execgate.auth.enabled') && found.contains('execgate.sandbox.<vendor>.port')
        found.unique()
    }

    private static List<String> applicationYmlProperties() {
        ApplicationYml.properties(ApplicationYml.TEXT).keySet() as List
    }

    private static List<Map> rows() {
        String readme = Files.readString(Gateway.ROOT.resolve('README.md'))
        String section = readme.substring(readme.indexOf('## Configuration'), readme.indexOf('## Metrics and timing'))
        section.readLines().findAll { it.startsWith('| `') }.collect { line ->
            def cells = line.split(/\|/)*.trim()
            [property: cells[1] - '`' - '`', env: cells[2] - '`' - '`', fallback: cells[3]]
        }
    }

    private static Map<String, String> readmeTable() {
        rows().collectEntries { [(it.property): it.fallback] }
    }
}
