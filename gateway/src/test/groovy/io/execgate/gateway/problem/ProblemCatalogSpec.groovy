package io.execgate.gateway.problem

import io.execgate.adapter.problem.VendorAnswer
import io.execgate.adapter.problem.VendorFailure
import io.execgate.api.model.ProblemCode
import io.execgate.api.model.ProblemError
import spock.lang.Specification

import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException

/** The gateway's error table, and how an adapter's failure enters it at the seam. */
class ProblemCatalogSpec extends Specification {
    def "every problem code has a row: the contract's status, a type and a sentence of detail"() {
        expect:
        ProblemCode.values().every { ProblemCatalog.status(it) in 400..599 }
        ProblemCode.values().every { ProblemCatalog.detail(it) ==~ /[A-Z].+\./ }
        ProblemCode.values()*.with { ProblemCatalog.detail(it) }.toSet().size() == ProblemCode.values().length
        ProblemCatalog.status(ProblemCode.UPSTREAM_TIMEOUT) == 504
        ProblemCatalog.outcome(ProblemCode.UPSTREAM_UNAVAILABLE).value == 'NOT_SENT'
        ProblemCatalog.retryable(ProblemCode.IDEMPOTENCY_IN_PROGRESS)
        ProblemCatalog.type(ProblemCode.VENDOR_AUTH_FAILED) == '/problems/vendor-auth-failed'
    }

    def "a vendor's answer keeps its words and takes the catalogue's text"() {
        given:
        def answer = new VendorAnswer('acme', 404, [message: 'gone'], null)

        when:
        def problem = GatewayProblem.of(VendorFailure.answered(ProblemCode.EXECUTION_NOT_FOUND, answer, []))

        then:
        problem.status() == 404
        problem.detail() == 'The vendor has no such execution.'
        problem.vendorAnswer().is(answer)
    }

    def "a failure with its own text keeps it"() {
        expect:
        GatewayProblem.of(VendorFailure.of(ProblemCode.UPSTREAM_UNAVAILABLE, 'Circuit open.')).detail() == 'Circuit open.'
        GatewayProblem.of(VendorFailure.of(ProblemCode.UPSTREAM_UNAVAILABLE)).detail() ==
                'The vendor could not be reached; nothing was sent.'
    }

    def "at the seam, an adapter's failure becomes a GatewayProblem: #how"() {
        when:
        GatewayProblem.atSeam(call).get()

        then:
        def failed = thrown(ExecutionException)
        failed.cause instanceof GatewayProblem
        (failed.cause as GatewayProblem).code() == ProblemCode.INVALID_REQUEST
        (failed.cause as GatewayProblem).errors() == [new ProblemError('path.executionId', 'must be a UUID')]

        where:
        how                       | call
        'thrown at once'          | { -> throw VendorFailure.invalid([new ProblemError('path.executionId', 'must be a UUID')]) }
        'failing the future'      | { -> CompletableFuture.failedFuture(VendorFailure.invalid([new ProblemError('path.executionId', 'must be a UUID')])) }
        'in a dependent stage'    | { -> CompletableFuture.completedFuture(1).thenApply { throw VendorFailure.invalid([new ProblemError('path.executionId', 'must be a UUID')]) } }
    }

    def "anything else passes the seam as it is"() {
        given:
        def bug = new IllegalStateException('bug')

        when:
        GatewayProblem.atSeam { -> CompletableFuture.failedFuture(bug) }.get()

        then:
        def failed = thrown(ExecutionException)
        failed.cause.is(bug)
    }
}
