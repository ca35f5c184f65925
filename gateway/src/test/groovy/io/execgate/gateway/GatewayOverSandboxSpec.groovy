package io.execgate.gateway

import io.execgate.gateway.support.SandboxGateway
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/** The gateway in front of the four simulators: what a demo user sees, asserted. */
class GatewayOverSandboxSpec extends Specification {
    @Shared
    @AutoCleanup
    SandboxGateway gateway = new SandboxGateway(Duration.ofMillis(300))

    def cleanup() {
        gateway.reset()
    }

    def "retrying a failed #vendor execution is a 202 with the new execution, #status"() {
        given:
        def failed = gateway.failedId(vendor)

        when:
        def answer = gateway.retry(vendor, failed)

        then:
        answer.status == 202
        answer.json.vendor == vendor
        answer.json.retriedId == failed
        answer.json.status == 'QUEUED'
        answer.json.vendorStatus == status
        answer.json.workflow.id != null
        (answer.json.id == failed) == sameId

        and: 'Location only where a GET reads the execution, and following it reads the same one'
        (answer.header('Location') != null) == readable
        !readable || gateway.http.send('GET', answer.header('Location'),
                [Authorization: "Bearer $SandboxGateway.CLIENT_KEY".toString()]).with { it.status == 200 && it.json.id == answer.json.id }

        where:
        vendor    | status     | sameId | readable
        'kaizen'  | 'Enqueued' | false  | true
        'kinetic' | 'queued'   | false  | false
        'algapsa' | 'pending'  | true   | true
        'skyvern' | 'created'  | false  | true
    }

    def "reading a retried #vendor execution follows it to COMPLETED"() {
        given:
        def id = gateway.retry(vendor, gateway.failedId(vendor)).json.id

        when:
        List<String> seen = []
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos()
        while ((seen.isEmpty() || seen.last() != 'COMPLETED') && System.nanoTime() < deadline) {
            def status = gateway.get(vendor, id).json.status
            if (seen.isEmpty() || seen.last() != status) {
                seen << status
            }
            sleep(40)
        }

        then:
        seen == ['QUEUED', 'RUNNING', 'COMPLETED']

        where:
        vendor << ['kaizen', 'algapsa', 'skyvern']
    }

    def "#vendor refusing a retry of a #seeded execution is 409 NOT_RETRYABLE with the vendor's words"() {
        given:
        def id = gateway.executions(vendor).find { it.status == seeded }.id

        when:
        def answer = gateway.retry(vendor, id)

        then:
        answer.status == 409
        answer.json.code == 'NOT_RETRYABLE'
        answer.json.outcome == 'REJECTED'
        answer.json.vendorError == vendorError(id)

        where:
        vendor    | seeded       || vendorError
        'kaizen'  | 'InProgress' || { x -> [success: false, message: "Execution $x is InProgress and cannot be retried".toString()] }
        'algapsa' | 'running'    || { x -> [error: [code: 'CONFLICT', message: 'Only failed executions can be retried (status: running)']] }
        'skyvern' | 'running'    || { x -> [detail: 'Only terminal workflow runs can be retried'] }
    }

    def "an id #vendor does not know is 404 EXECUTION_NOT_FOUND"() {
        when:
        def answer = gateway.retry(vendor, id)

        then:
        answer.status == 404
        answer.json.code == 'EXECUTION_NOT_FOUND'
        answer.json.vendorHttpStatus == 404

        where:
        vendor    | id
        'kaizen'  | 'exec_000000000000'
        'kinetic' | '00000000-0000-4000-8000-000000000000'
        'algapsa' | '00000000-0000-4000-8000-000000000000'
        'skyvern' | 'wr_1'
    }
}
