package io.execgate.drift;

import io.execgate.adapter.http.VendorEndpoint;

/** A {@link VendorEndpoint} constant of an adapter, with where it is declared ({@code <Vendor>Adapter.RETRY}). */
record AdapterEndpoint(String declaredAs, VendorEndpoint endpoint) {

    /** The adapter class declaring it. */
    String declaredIn() {
        return declaredAs.substring(0, declaredAs.indexOf('.'));
    }

    String operation() {
        return endpoint.method() + " " + endpoint.pathTemplate();
    }
}
