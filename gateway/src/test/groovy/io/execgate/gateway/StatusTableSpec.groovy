package io.execgate.gateway

import groovy.json.JsonSlurper
import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.REMOVE
import static io.execgate.gateway.support.Gateway.fixture

/**
 * Every row of the contract's canonical status table, per vendor: each vendor's column is its fixture
 * {@code vendors/<vendor>/status-column.json} (where its accepted retry holds the status, whether its
 * spec requires it, and rows of vendor value → canonical status). Matching ignores case and reads only that vendor's column; anything
 * else (another vendor's word, null, missing, new) is UNKNOWN with the raw value kept, and never an error.
 */
class StatusTableSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def setup() { gateway.clearVendors() }

    def "#vendor '#vendorStatus' is #status"() {
        given: "the vendor's accepted retry, with its status member set"
        answerWithStatus(vendor, vendorStatus)

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.status == 202
        answer.json.status == status
        answer.json.vendorStatus == vendorStatus

        where:
        [vendor, vendorStatus, status] << Gateway.VENDORS.collectMany { vendor -> column(vendor).rows.collect { [vendor] + it } }
    }

    def "#vendor without a status member at all is UNKNOWN with vendorStatus null, where its spec allows that"() {
        given:
        answerWithStatus(vendor, REMOVE)

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.status == 202
        answer.json.status == 'UNKNOWN'
        answer.json.containsKey('vendorStatus')
        answer.json.vendorStatus == null

        where:
        vendor << Gateway.VENDORS.findAll { !column(it).statusRequired }
    }

    def "#vendor without the status its spec requires is not the documented answer: 502, the vendor's words kept"() {
        given:
        answerWithStatus(vendor, REMOVE)

        when:
        def answer = gateway.retry(vendor, Gateway.sampleId(vendor))

        then:
        answer.status == 502
        answer.json.code == 'UPSTREAM_ERROR'
        answer.json.outcome == 'UNKNOWN'
        answer.json.vendorHttpStatus == Gateway.acceptedRetryFile(vendor)[0]
        answer.json.vendorError instanceof Map

        where:
        vendor << Gateway.VENDORS.findAll { column(it).statusRequired }
    }

    def "#vendor's column has a row for each canonical status it maps to, and one that is UNKNOWN"() {
        expect: 'a vendor without the fixture fails here, by name'
        def rows = column(vendor).rows
        rows.size() >= 3
        rows.any { it[1] == 'UNKNOWN' }

        where:
        vendor << Gateway.VENDORS
    }

    private void answerWithStatus(String vendor, Object vendorStatus) {
        def (int httpStatus, String file) = Gateway.acceptedRetryFile(vendor)
        gateway.vendor(vendor).answer(httpStatus, fixture(vendor, file, [(column(vendor).statusAt as String): vendorStatus]))
    }

    private static Map column(String vendor) {
        String json = Gateway.getResource("/vendors/$vendor/status-column.json")?.text
        assert json != null: "vendors/$vendor/status-column.json is missing: $vendor's column of the status table is untested"
        new JsonSlurper().parseText(json) as Map
    }
}
