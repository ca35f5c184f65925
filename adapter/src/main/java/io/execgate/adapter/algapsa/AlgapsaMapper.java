package io.execgate.adapter.algapsa;

import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.VendorMapping;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ExecutionLinks;
import io.execgate.api.model.ExecutionStatus;
import io.execgate.api.model.Workflow;
import io.execgate.vendor.algapsa.model.AutomationExecution;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ValueMapping;

/** AlgaPSA's {@code AutomationExecution} ({@code data}) to the unified {@link Execution}. */
@Mapper(config = VendorMapping.class)
interface AlgapsaMapper extends StatusColumn {

    @Mapping(target = "vendor", constant = "algapsa")
    @Mapping(target = "id", source = "execution.executionId")
    @Mapping(target = "retriedId", source = "retriedId")
    @Mapping(target = "status", source = "execution.status", qualifiedByName = "canonical")
    @Mapping(target = "vendorStatus", source = "execution.status")
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "startedAt", source = "execution.startedAt")
    @Mapping(target = "finishedAt", source = "execution.completedAt")
    @Mapping(target = "workflow", source = "execution")
    @Mapping(target = "failureReason", source = "execution.errorMessage")
    @Mapping(target = "links", expression = "java(new ExecutionLinks(null, null, null, null, null))")
    @Mapping(target = "artifacts", expression = "java(java.util.List.of())")
    @Mapping(target = "vendorData", source = "vendorData")
    Execution toExecution(AutomationExecution execution, String retriedId, Object vendorData);

    /** The status table's AlgaPSA column (note {@code cancelled} and {@code timeout}). */
    @Override
    @Named("column")
    @ValueMapping(source = "pending", target = "QUEUED")
    @ValueMapping(source = "running", target = "RUNNING")
    @ValueMapping(source = "completed", target = "COMPLETED")
    @ValueMapping(source = "failed", target = "FAILED")
    @ValueMapping(source = "cancelled", target = "CANCELED")
    @ValueMapping(source = "timeout", target = "TIMED_OUT")
    @ValueMapping(source = "skipped", target = "SKIPPED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ExecutionStatus column(String lowerCaseStatus);

    /** AlgaPSA names the automation rule but not its title. */
    default Workflow workflow(AutomationExecution execution) {
        return VendorMapping.workflow(execution.getAutomationRuleId() == null ? null
                : execution.getAutomationRuleId().toString(), null);
    }
}
