package io.execgate.adapter.http

import io.execgate.adapter.problem.VendorErrorTable
import spock.lang.Specification

class VendorEndpointSpec extends Specification {

    def "fills the spec's path template in order, each value as exactly one encoded segment"() {
        when:
        def request = VendorEndpoint.post('/v1/runs/{run_id}/steps/{step}/retry', VendorErrorTable.standard())
                .request('wr 1/..', 'a+b')

        then:
        request.method().name() == 'POST'
        request.path() == '/v1/runs/wr%201%2F../steps/a%2Bb/retry'
    }

    def "below a server path, the request goes to the server path plus the spec's template, which stays as written"() {
        when:
        def endpoint = VendorEndpoint.post('/executions/{id}/retry', VendorErrorTable.standard()).under('/api/v1')

        then:
        endpoint.pathTemplate() == '/executions/{id}/retry'
        endpoint.request('10 2').path() == '/api/v1/executions/10%202/retry'
        endpoint.toString() == 'POST /api/v1/executions/{id}/retry'
    }

    def "a server path '#serverPath' is refused"() {
        when:
        VendorEndpoint.get('/executions/{id}', VendorErrorTable.standard()).under(serverPath)

        then:
        thrown(IllegalArgumentException)

        where:
        serverPath << ['api/v1', '/api/v1/', '/']
    }

    def "a template without parameters is sent as written"() {
        expect:
        VendorEndpoint.get('/executions/get', VendorErrorTable.standard()).request().path() == '/executions/get'
    }

    def "braces that do not enclose a parameter name are sent as written: #template"() {
        expect:
        VendorEndpoint.get(template, VendorErrorTable.standard()).request(*values).path() == path

        where:
        template             | values || path
        '/a/{}/b'            | []     || '/a/{}/b'
        '/a/{x/y}/{id}'      | ['1']  || '/a/{x/y}/1'
        '/a/{{id}/b'         | ['v']  || '/a/v/b'
        '/a/{id}{n}'         | ['v', 'w w'] || '/a/vw%20w'
    }

    def "the number of values must match the template"() {
        when:
        VendorEndpoint.get('/v1/runs/{run_id}', VendorErrorTable.standard()).request(*values)

        then:
        thrown(IllegalArgumentException)

        where:
        values << [[], ['a', 'b']]
    }
}
