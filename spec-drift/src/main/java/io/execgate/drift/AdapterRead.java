package io.execgate.drift;

import java.util.List;

/**
 * A vendor field an adapter reads: a property of a generated model class, found in the compiled
 * adapter code.
 *
 * @param schema   the generated model's class name, which is the vendor schema's name
 * @param property the JSON property below that schema, dotted when the adapter reads a member of a
 *                 plain JSON value ({@code run_request.workflow_id})
 * @param readBy   the adapter class that reads it
 */
record AdapterRead(String schema, String property, String readBy) {

    List<String> segments() {
        return List.of(property.split("\\."));
    }
}
