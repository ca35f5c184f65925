package io.execgate.gateway

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.fixture

/** The request log line (logger {@code execgate.request}), as written in the text format the tests use. */
class RequestLogSpec extends Specification {
    static final File LOG = new File('target/test-traffic/gateway.log')

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def "a vendor status with a line break cannot start a forged log line"() {
        given: 'Kinetic answers a status carrying CR/LF and a fake log line'
        def body = new JsonSlurper().parseText(fixture('kinetic', 'retry-201.json'))
        body.status = 'running\r\n12:00:00.000 INFO  [main] execgate.request - requestId=forged'
        gateway.vendor('kinetic').answer(201, JsonOutput.toJson(body))

        long before = LOG.exists() ? LOG.length() : 0

        when:
        def answer = gateway.retry('kinetic', 'ex-log-forge', null, ['X-Request-Id': 'log-forge-1'])
        List<String> written = linesSince(before)
        String line = written.find { it.contains('requestId=log-forge-1') }
        int forged = written.count { it.startsWith('12:00:00.000 INFO  [main] execgate.request - requestId=forged') }

        then:
        answer.status == 202
        line.contains('vendorStatus=running??12:00:00.000 INFO  [main] execgate.request - requestId=forged')
        forged == 0
    }

    /** The log's lines written after {@code offset} (the file collects the whole suite's lines). */
    private static List<String> linesSince(long offset) {
        LOG.withInputStream { it.skip(offset); it.getText('UTF-8') }.readLines()
    }
}
