package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static io.execgate.gateway.support.Gateway.REMOVE
import static io.execgate.gateway.support.Gateway.fixture

/**
 * Every row of the contract's canonical status table, per vendor. Matching ignores case and reads
 * only that vendor's column; anything else (another vendor's word, null, missing, new) is UNKNOWN
 * with the raw value kept, and never an error.
 */
class StatusTableSpec extends Specification {
    static final Map<String, List> ANSWERS = [
            kaizen : ['retry-200.json', 200, 'execution.execution.status', 'exec_1'],
            kinetic: ['retry-201.json', 201, 'status', 'ex-1'],
            algapsa: ['retry-200.json', 200, 'data.status', '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098'],
            skyvern: ['retry-200.json', 200, 'status', 'wr_1']]

    @Shared @AutoCleanup Gateway gateway = new Gateway()

    def "#vendor '#vendorStatus' is #status"() {
        given:
        def (file, httpStatus, path, id) = ANSWERS[vendor]
        gateway.vendor(vendor).answer(httpStatus as int, fixture(vendor, file as String, [(path): vendorStatus]))

        when:
        def answer = gateway.retry(vendor, id as String)

        then:
        answer.status == 202
        answer.json.status == status
        answer.json.vendorStatus == vendorStatus

        where:
        vendor    | vendorStatus  || status
        'kaizen'  | 'Enqueued'    || 'QUEUED'
        'kaizen'  | 'InProgress'  || 'RUNNING'
        'kaizen'  | 'Processing'  || 'RUNNING'
        'kaizen'  | 'Paused'      || 'PAUSED'
        'kaizen'  | 'Completed'   || 'COMPLETED'
        'kaizen'  | 'Failed'      || 'FAILED'
        'kaizen'  | 'inprogress'  || 'RUNNING'
        'kaizen'  | 'Cancelled'   || 'UNKNOWN'
        'kaizen'  | 'queued'      || 'UNKNOWN'
        'kaizen'  | null          || 'UNKNOWN'
        'kinetic' | 'queued'      || 'QUEUED'
        'kinetic' | 'pending'     || 'QUEUED'
        'kinetic' | 'running'     || 'RUNNING'
        'kinetic' | 'paused'      || 'PAUSED'
        'kinetic' | 'completed'   || 'COMPLETED'
        'kinetic' | 'failed'      || 'FAILED'
        'kinetic' | 'QUEUED'      || 'QUEUED'
        'kinetic' | 'canceled'    || 'UNKNOWN'
        'kinetic' | 'archived'    || 'UNKNOWN'
        'kinetic' | null          || 'UNKNOWN'
        'algapsa' | 'pending'     || 'QUEUED'
        'algapsa' | 'running'     || 'RUNNING'
        'algapsa' | 'completed'   || 'COMPLETED'
        'algapsa' | 'failed'      || 'FAILED'
        'algapsa' | 'cancelled'   || 'CANCELED'
        'algapsa' | 'timeout'     || 'TIMED_OUT'
        'algapsa' | 'skipped'     || 'SKIPPED'
        'algapsa' | 'Failed'      || 'FAILED'
        'algapsa' | 'paused'      || 'UNKNOWN'
        'algapsa' | 'canceled'    || 'UNKNOWN'
        'skyvern' | 'created'     || 'QUEUED'
        'skyvern' | 'queued'      || 'QUEUED'
        'skyvern' | 'running'     || 'RUNNING'
        'skyvern' | 'paused'      || 'PAUSED'
        'skyvern' | 'completed'   || 'COMPLETED'
        'skyvern' | 'failed'      || 'FAILED'
        'skyvern' | 'canceled'    || 'CANCELED'
        'skyvern' | 'timed_out'   || 'TIMED_OUT'
        'skyvern' | 'terminated'  || 'TERMINATED'
        'skyvern' | 'Running'     || 'RUNNING'
        'skyvern' | 'cancelled'   || 'UNKNOWN'
        'skyvern' | 'skipped'     || 'UNKNOWN'
        'skyvern' | 'rerouted_v2' || 'UNKNOWN'
    }

    def "kinetic without a status member at all is UNKNOWN with vendorStatus null"() {
        given:
        gateway.vendor('kinetic').answer(201, fixture('kinetic', 'retry-201.json', [status: REMOVE]))

        when:
        def answer = gateway.retry('kinetic', 'ex-1')

        then:
        answer.status == 202
        answer.json.status == 'UNKNOWN'
        answer.json.containsKey('vendorStatus')
        answer.json.vendorStatus == null
    }
}
