package io.execgate.adapter.n8n;

import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.VendorMapping;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ExecutionLinks;
import io.execgate.api.model.ExecutionStatus;
import io.execgate.api.model.Workflow;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ValueMapping;

/** n8n's {@code execution} to the unified {@link Execution}: no creation time, links or artifacts in it. */
@Mapper(config = VendorMapping.class)
interface N8nMapper extends StatusColumn {

    @Mapping(target = "vendor", constant = "n8n")
    @Mapping(target = "id", source = "execution.id")
    @Mapping(target = "retriedId", source = "retriedId")
    @Mapping(target = "status", source = "execution.status", qualifiedByName = "canonical")
    @Mapping(target = "vendorStatus", source = "execution.status")
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "startedAt", source = "execution.startedAt")
    @Mapping(target = "finishedAt", source = "execution.stoppedAt")
    @Mapping(target = "workflow", source = "execution")
    @Mapping(target = "failureReason", ignore = true)
    @Mapping(target = "links", expression = "java(new ExecutionLinks(null, null, null, null, null))")
    @Mapping(target = "artifacts", expression = "java(java.util.List.of())")
    @Mapping(target = "vendorData", source = "vendorData")
    Execution toExecution(io.execgate.vendor.n8n.model.Execution execution, String retriedId, Object vendorData);

    /** The workflow's id; an execution carries no workflow name. */
    default Workflow workflow(io.execgate.vendor.n8n.model.Execution execution) {
        return VendorMapping.workflow(execution.getWorkflowId(), null);
    }

    /** The status table's n8n column; its own {@code unknown}, any other value, or none is UNKNOWN. */
    @Override
    @Named("column")
    @ValueMapping(source = "new", target = "QUEUED")
    @ValueMapping(source = "running", target = "RUNNING")
    @ValueMapping(source = "waiting", target = "PAUSED")
    @ValueMapping(source = "success", target = "COMPLETED")
    @ValueMapping(source = "error", target = "FAILED")
    @ValueMapping(source = "crashed", target = "FAILED")
    @ValueMapping(source = "canceled", target = "CANCELED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ExecutionStatus column(String lowerCaseStatus);
}
