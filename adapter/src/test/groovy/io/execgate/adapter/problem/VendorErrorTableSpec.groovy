package io.execgate.adapter.problem

import io.execgate.api.model.ProblemCode
import spock.lang.Specification

/** The standard vendor error table and how a vendor overrides a row. */
class VendorErrorTableSpec extends Specification {

    def "standard: vendor #status is #code"() {
        expect:
        VendorErrorTable.standard().codeFor(status) == code

        where:
        status || code
        401    || ProblemCode.VENDOR_AUTH_FAILED
        403    || ProblemCode.VENDOR_AUTH_FAILED
        404    || ProblemCode.EXECUTION_NOT_FOUND
        422    || ProblemCode.VENDOR_VALIDATION_ERROR
        429    || ProblemCode.RATE_LIMITED
        400    || ProblemCode.UPSTREAM_ERROR
        409    || ProblemCode.UPSTREAM_ERROR
        500    || ProblemCode.UPSTREAM_ERROR
        503    || ProblemCode.UPSTREAM_ERROR
        302    || ProblemCode.UPSTREAM_ERROR
        204    || ProblemCode.UPSTREAM_ERROR
    }

    def "a vendor row replaces the standard one and leaves the others"() {
        given:
        def table = VendorErrorTable.standard().with(403, ProblemCode.VENDOR_FORBIDDEN)

        expect:
        table.codeFor(403) == ProblemCode.VENDOR_FORBIDDEN
        table.codeFor(401) == ProblemCode.VENDOR_AUTH_FAILED
        VendorErrorTable.standard().codeFor(403) == ProblemCode.VENDOR_AUTH_FAILED
    }

    def "FastAPI's 422 detail becomes the errors list"() {
        expect:
        FastApiErrors.read([detail: [[loc: ['body', 'x', 0], msg: 'bad', type: 't'], 'junk']])*.location == ['body.x.0']
        FastApiErrors.read([detail: 'text']) == []
        FastApiErrors.read('not json') == []
    }

    def "configured vendor keys are masked in text, longest first"() {
        given:
        def redactor = new SecretRedactor([
                new io.execgate.adapter.VendorProperties('a', 'http://a', 'key-1', null, null, 5, null, 64),
                new io.execgate.adapter.VendorProperties('b', 'http://b', 'key-1-long', null, null, 5, null, 64),
                new io.execgate.adapter.VendorProperties('c', null, null, null, null, 5, null, 64)])

        expect:
        redactor.redact('x key-1-long y key-1 z') == 'x *** y *** z'
    }
}
