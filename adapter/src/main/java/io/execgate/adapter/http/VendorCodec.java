package io.execgate.adapter.http;

import io.execgate.adapter.problem.VendorAnswer;
import io.execgate.adapter.problem.VendorErrorTable;
import io.execgate.adapter.problem.VendorFailure;
import io.execgate.api.model.ProblemCode;

import java.util.Map;

/**
 * The body half of a {@link VendorClient}: encodes request bodies, decodes a success into the
 * vendor's generated model, and turns any other answer into a {@link VendorFailure} that keeps the
 * vendor's words (masked, cut to 2 KB; see {@link VendorBodies}).
 */
final class VendorCodec {
    private final String vendor;
    private final VendorBodies bodies;

    VendorCodec(String vendor, VendorBodies bodies) {
        this.vendor = vendor;
        this.bodies = bodies;
    }

    byte[] json(Object value) {
        return bodies.json(value);
    }

    <T> T read(VendorResponse response, Class<T> type) {
        return bodies.read(response.body(), type, () -> unexpected(response));
    }

    <T> T read(VendorResponse response, Object part, Class<T> type) {
        return bodies.read(bodies.json(part), type, () -> unexpected(response));
    }

    Object vendorData(VendorResponse response, boolean wanted, String... path) {
        Object node = wanted ? bodies.tree(response.body()) : null;
        for (String member : path) {
            node = node instanceof Map<?, ?> map ? map.get(member) : null;
        }
        return node;
    }

    VendorFailure reject(VendorResponse response, VendorErrorTable table) {
        return failure(response, table.codeFor(response.status()), table);
    }

    VendorFailure unexpected(VendorResponse response) {
        return failure(response, ProblemCode.UPSTREAM_ERROR, VendorErrorTable.standard());
    }

    VendorFailure refused(VendorResponse response, ProblemCode code) {
        return failure(response, code, VendorErrorTable.standard());
    }

    private VendorFailure failure(VendorResponse response, ProblemCode code, VendorErrorTable table) {
        VendorAnswer answer = new VendorAnswer(vendor, response.status(), bodies.vendorError(response.body()),
                response.retryAfter());
        return VendorFailure.answered(code, answer, table.errorsFor(code, bodies.tree(response.body())));
    }
}
