package io.execgate.adapter;

import io.execgate.adapter.http.VendorAuth;
import io.execgate.adapter.http.VendorClient;
import io.execgate.adapter.problem.VendorFailure;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ProblemCode;
import io.execgate.api.model.ProblemError;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The port every vendor implements: translate the unified retry (and read) into the vendor's own
 * call and the vendor's answer back into an {@link Execution}.
 *
 * <p>An adapter holds no connection and no secret. The gateway hands it the vendor's configured
 * {@link VendorClient}, which adds the vendor key the way {@link #auth()} says, sends exactly once
 * and turns transport failures into problems. Adding a vendor means one spec, one package with an
 * adapter bean, and one {@code execgate.vendors.<name>} block; nothing else names vendors.
 */
public interface VendorAdapter {

    /** The vendor's path name in {@code /v1/executions/{vendor}/...}. */
    String name();

    /** How the vendor expects its key. */
    VendorAuth auth();

    /** The unified operations this vendor's checked-in spec lets the gateway offer. */
    Set<Operation> operations();

    /** The options of the unified retry body this vendor takes; asking for another is a 400 before any call. */
    default Set<RetryOption> options() {
        return Set.of();
    }

    /**
     * Vendor-specific checks on an already generally valid command (the id's format). Runs before any
     * vendor call; an empty list means the command may be sent.
     */
    default List<ProblemError> validate(RetryCommand command) {
        return List.of();
    }

    /**
     * Sends the retry once and maps the answer when it arrives; failures complete the future with a
     * {@link VendorFailure} (a command the vendor cannot take may also be thrown at once).
     */
    CompletableFuture<Execution> retry(RetryCommand command, VendorClient client);

    /** Reads the current state of an execution; only for vendors listing {@link Operation#GET}. */
    default CompletableFuture<Execution> get(ExecutionRef execution, VendorClient client) {
        throw VendorFailure.of(ProblemCode.OPERATION_NOT_SUPPORTED);
    }
}
