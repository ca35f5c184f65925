package io.execgate.gateway.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer

/**
 * The gateway as a user runs it: a real server on 127.0.0.1, every vendor configured against its
 * own {@link FakeVendor}, each with a key of its own. Calls go through {@link RawHttp}.
 */
class Gateway implements Closeable {
    static final List<String> VENDORS = ['kaizen', 'kinetic', 'algapsa', 'skyvern']
    static final Map<String, String> VENDOR_KEYS = [
            kaizen : 'kz-live-Secret-0001',
            kinetic: 'kn-live-Secret-0002',
            algapsa: 'al-live-Secret-0003',
            skyvern: 'sk-live-Secret-0004']
    static final String CLIENT_KEY = 'client-ci-Secret-0005'
    static final String LIMITED_CLIENT_KEY = 'client-limited-Secret-0006'
    static final String TENANT = '11111111-2222-4333-8444-555555555555'

    final Map<String, FakeVendor> vendors = VENDORS.collectEntries { [(it): new FakeVendor()] }
    final EmbeddedServer server
    final RawHttp http

    Gateway(Map<String, Object> extra = [:]) {
        Map<String, Object> props = [
                'micronaut.server.port'                 : -1,
                'execgate.clients.ci.api-key'           : CLIENT_KEY,
                'execgate.clients.limited.api-key'      : LIMITED_CLIENT_KEY,
                'execgate.clients.limited.vendors'      : ['kinetic'],
                'execgate.vendors.algapsa.tenant-id'    : TENANT]
        vendors.each { name, fake ->
            props["execgate.vendors.${name}.url".toString()] = fake.url
            props["execgate.vendors.${name}.api-key".toString()] = VENDOR_KEYS[name]
            props["execgate.vendors.${name}.read-timeout".toString()] = '2s'
        }
        server = ApplicationContext.run(EmbeddedServer, props + extra)
        http = new RawHttp(server.port)
    }

    FakeVendor vendor(String name) { vendors[name] }

    void clearVendors() { vendors.values()*.clear() }

    int getVendorCalls() { vendors.values().sum { it.requests.size() } as int }

    /** POST /v1/executions/{vendor}/{rawId}/retry with the CI client's key; {@code rawId} is sent as written. */
    RawHttp.Answer retry(String vendor, String rawId, Object body = null, Map<String, String> headers = [:], String query = '') {
        String text = body == null || body instanceof String ? body : JsonOutput.toJson(body)
        Map<String, String> all = [Authorization: "Bearer $CLIENT_KEY".toString()]
        if (text != null) {
            all['Content-Type'] = 'application/json'
        }
        http.send('POST', "/v1/executions/$vendor/$rawId/retry$query", all + headers, text)
    }

    RawHttp.Answer get(String target, Map<String, String> headers = [Authorization: "Bearer $CLIENT_KEY".toString()]) {
        http.send('GET', target, headers)
    }

    /** A vendor fixture from src/test/resources/vendors, as text. */
    static String fixture(String vendor, String name) {
        Gateway.getResourceAsStream("/vendors/$vendor/$name").text
    }

    /** A vendor fixture with members replaced ({@code path} is dot-separated, e.g. {@code data.status}). */
    static String fixture(String vendor, String name, Map<String, Object> changes) {
        def json = new JsonSlurper().parseText(fixture(vendor, name))
        changes.each { path, value ->
            def parts = path.split('\\.')
            def node = parts.dropRight(1).inject(json) { n, p -> n[p] }
            if (value == REMOVE) {
                node.remove(parts.last())
            } else {
                node[parts.last()] = value
            }
        }
        JsonOutput.toJson(json)
    }

    static final Object REMOVE = new Object()

    @Override
    void close() {
        server?.applicationContext?.close()
        vendors.values()*.close()
    }
}
