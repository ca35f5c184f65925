package io.execgate.adapter.kinetic;

import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.VendorMapping;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ExecutionLinks;
import io.execgate.api.model.ExecutionStatus;
import io.execgate.api.model.Workflow;
import io.execgate.vendor.kinetic.model.ExecutionResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ValueMapping;

import java.util.List;

/** Kinetic's {@code ExecutionResponse} to the unified {@link Execution}. */
@Mapper(config = VendorMapping.class)
interface KineticMapper extends StatusColumn {

    @Mapping(target = "vendor", constant = "kinetic")
    @Mapping(target = "id", source = "execution.executionUuid")
    @Mapping(target = "retriedId", source = "retriedId")
    @Mapping(target = "status", source = "execution.status", qualifiedByName = "canonical")
    @Mapping(target = "vendorStatus", source = "execution.status")
    @Mapping(target = "createdAt", source = "execution.createdAt")
    @Mapping(target = "startedAt", ignore = true)
    @Mapping(target = "finishedAt", ignore = true)
    @Mapping(target = "workflow", source = "execution")
    @Mapping(target = "failureReason", ignore = true)
    @Mapping(target = "links", source = "execution")
    @Mapping(target = "artifacts", expression = "java(java.util.List.of())")
    @Mapping(target = "vendorData", source = "vendorData")
    Execution toExecution(ExecutionResponse execution, String retriedId, Object vendorData);

    @Mapping(target = "app", ignore = true)
    @Mapping(target = "liveView", ignore = true)
    @Mapping(target = "recording", source = "videoUrl")
    @Mapping(target = "output", source = "outputUrl")
    @Mapping(target = "logs", source = "logsUrl")
    ExecutionLinks links(ExecutionResponse execution);

    /** The status table's Kinetic column; {@code status} may be null, which is UNKNOWN. */
    @Override
    @Named("column")
    @ValueMapping(source = "queued", target = "QUEUED")
    @ValueMapping(source = "pending", target = "QUEUED")
    @ValueMapping(source = "running", target = "RUNNING")
    @ValueMapping(source = "paused", target = "PAUSED")
    @ValueMapping(source = "completed", target = "COMPLETED")
    @ValueMapping(source = "failed", target = "FAILED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ExecutionStatus column(String lowerCaseStatus);

    default Workflow workflow(ExecutionResponse execution) {
        return VendorMapping.workflow(execution.getWorkflowUuid(), execution.getWorkflowName());
    }
}
