package io.execgate.gateway

import io.execgate.gateway.support.ApplicationYml
import io.execgate.gateway.support.RedisServer
import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Specification

/** A configuration that cannot work stops startup with a message naming the property, never a value. */
class ConfigurationSpec extends Specification {
    static final Map<String, Object> CLIENT = ['execgate.clients.ci.api-key': 'client-Secret-1']

    def "startup fails when #why"() {
        when:
        ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1] + props).close()

        then:
        def e = thrown(Exception)
        def config = causes(e).find { it instanceof ConfigurationException }
        config != null
        config.message.contains(names)
        config.message.contains(names.toUpperCase().replace('.', '_').replace('-', '_')) // and its environment variable
        !config.message.contains('vendor-Secret') && !config.message.contains('client-Secret') && !config.message.contains('pass')

        where:
        why                                | props                                                                                                  || names
        'a vendor url is not a URL'        | CLIENT + ['execgate.vendors.skyvern.url': 'not a url', 'execgate.vendors.skyvern.api-key': 'vendor-Secret'] || 'execgate.vendors.skyvern.url'
        'a vendor url is relative'         | CLIENT + ['execgate.vendors.skyvern.url': 'api.skyvern.com', 'execgate.vendors.skyvern.api-key': 'vendor-Secret'] || 'execgate.vendors.skyvern.url'
        'a vendor url is not http'         | CLIENT + ['execgate.vendors.skyvern.url': 'ftp://x.test', 'execgate.vendors.skyvern.api-key': 'vendor-Secret'] || 'execgate.vendors.skyvern.url'
        'a vendor url carries credentials' | CLIENT + ['execgate.vendors.skyvern.url': 'https://u:pass@x.test', 'execgate.vendors.skyvern.api-key': 'vendor-Secret'] || 'execgate.vendors.skyvern.url'
        'a vendor has no key'              | CLIENT + ['execgate.vendors.kinetic.url': 'https://k.test']                                            || 'execgate.vendors.kinetic.api-key'
        'a vendor block has no adapter'    | CLIENT + ['execgate.vendors.acme.url': 'https://a.test', 'execgate.vendors.acme.api-key': 'vendor-Secret'] || 'execgate.vendors.acme'
        'auth is on and no client exists'  | [:]                                                                                                    || 'execgate.clients.<client>.api-key'
        'a client has no key'              | ['execgate.clients.ci.vendors': ['skyvern']]                                                           || 'execgate.clients.ci.api-key'
        'a client names an unknown vendor' | CLIENT + ['execgate.clients.ci.vendors': ['acme']]                                                     || 'execgate.clients.ci.vendors'
        'a claim could expire mid-call'    | CLIENT + ['execgate.vendors.skyvern.url': 'https://s.test', 'execgate.vendors.skyvern.api-key': 'vendor-Secret', 'execgate.vendors.skyvern.read-timeout': '2m'] || 'execgate.idempotency.in-flight-ttl'
        'a read timeout is zero'           | CLIENT + ['execgate.vendors.skyvern.url': 'https://s.test', 'execgate.vendors.skyvern.api-key': 'vendor-Secret', 'execgate.vendors.skyvern.read-timeout': '0s'] || 'execgate.vendors.skyvern.read-timeout'
        'a body deadline is zero'          | CLIENT + ['execgate.server.body-timeout': '0s']                                                    || 'execgate.server.body-timeout'
        'a keep-alive wait is negative'    | CLIENT + ['execgate.server.keep-alive-timeout': '-1s']                                             || 'execgate.server.keep-alive-timeout'
    }

    def "the documented minimal configuration starts, and config objects never print keys"() {
        when:
        def server = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1] + CLIENT +
                ['execgate.vendors.skyvern.url': 'https://api.skyvern.test', 'execgate.vendors.skyvern.api-key': 'vendor-Secret'])

        then:
        server.running
        def texts = server.applicationContext.getBeansOfType(io.execgate.adapter.VendorProperties)*.toString() +
                server.applicationContext.getBeansOfType(io.execgate.gateway.config.ClientProperties)*.toString()
        texts.size() == 2
        texts.every { !it.contains('Secret') && it.contains('***') }

        cleanup:
        server?.close()
    }

    def "application.yml's commented examples, uncommented, configure the gateway they describe"() {
        given: 'the examples as a user would uncomment them, their ${...} keys in the environment, a real Redis'
        def redis = new RedisServer()
        Map<String, Object> examples = ApplicationYml.properties(ApplicationYml.uncommented())

        when:
        def server = ApplicationContext.run(EmbeddedServer, examples + ['micronaut.server.port': -1,
                SKYVERN_API_KEY: 'vendor-Secret-s', ALGAPSA_API_KEY: 'vendor-Secret-a', EXECGATE_CI_KEY: 'client-Secret-ci',
                EXECGATE_CI_WEBHOOK_SECRET: 'whsec_' + ('k' * 32).bytes.encodeBase64().toString(),
                'execgate.idempotency.redis-uri': redis.uri])
        def context = server.applicationContext

        then:
        server.running
        context.getBeansOfType(io.execgate.adapter.VendorProperties).collectEntries { [(it.name()): it.url()] } ==
                [skyvern: 'https://api.skyvern.com', algapsa: 'https://algapsa.example.com']
        context.getBeansOfType(io.execgate.gateway.config.ClientProperties).collect { [it.name(), it.vendors()] } ==
                [['ci', ['skyvern', 'algapsa']]]
        context.getBeansOfType(io.execgate.gateway.config.ClientProperties).collect { [it.webhookUrl(), it.webhookHosts()] } ==
                [['https://ci.example.com/hooks/execgate', ['ci.example.com', '*.hooks.example.com']]]
        context.getBean(io.execgate.gateway.follow.FollowProperties).maxWait() == java.time.Duration.ofSeconds(60)
        examples['execgate.idempotency.redis-uri'] == 'redis://127.0.0.1:6379'

        cleanup:
        server?.close()
        redis?.close()
    }

    private static List<Throwable> causes(Throwable e) {
        def all = []
        for (Throwable t = e; t != null; t = t.cause) {
            all << t
        }
        all
    }
}
