package io.execgate.adapter.kaizen;

import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.VendorMapping;
import io.execgate.api.model.Artifact;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ExecutionLinks;
import io.execgate.api.model.ExecutionStatus;
import io.execgate.api.model.Workflow;
import io.execgate.vendor.kaizen.model.DownloadFile;
import io.execgate.vendor.kaizen.model.NamedRef;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ValueMapping;

import java.util.ArrayList;
import java.util.List;

/** Kaizen's {@code Execution} to the unified {@link Execution}. */
@Mapper(config = VendorMapping.class)
interface KaizenMapper extends StatusColumn {

    @Mapping(target = "vendor", constant = "kaizen")
    @Mapping(target = "id", source = "execution.id")
    @Mapping(target = "retriedId", source = "retriedId")
    @Mapping(target = "status", source = "execution.status", qualifiedByName = "canonical")
    @Mapping(target = "vendorStatus", source = "execution.status")
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "startedAt", source = "execution.startTime")
    @Mapping(target = "finishedAt", ignore = true)
    @Mapping(target = "workflow", source = "execution.workflow")
    @Mapping(target = "failureReason", ignore = true)
    @Mapping(target = "links", source = "execution")
    @Mapping(target = "artifacts", source = "execution")
    @Mapping(target = "vendorData", source = "vendorData")
    Execution toExecution(io.execgate.vendor.kaizen.model.Execution execution, String retriedId, Object vendorData);

    @Mapping(target = "app", ignore = true)
    @Mapping(target = "liveView", source = "liveViewUrl")
    @Mapping(target = "recording", ignore = true)
    @Mapping(target = "output", ignore = true)
    @Mapping(target = "logs", ignore = true)
    ExecutionLinks links(io.execgate.vendor.kaizen.model.Execution execution);

    @Mapping(target = "kind", constant = "DOWNLOAD")
    @Mapping(target = "url", source = "downloadUrl")
    @Mapping(target = "name", source = "name")
    @Mapping(target = "sizeBytes", source = "sizeBytes")
    Artifact download(DownloadFile file);

    /** The status table's Kaizen column, matched ignoring case. */
    @Override
    @Named("column")
    @ValueMapping(source = "enqueued", target = "QUEUED")
    @ValueMapping(source = "inprogress", target = "RUNNING")
    @ValueMapping(source = "processing", target = "RUNNING")
    @ValueMapping(source = "paused", target = "PAUSED")
    @ValueMapping(source = "completed", target = "COMPLETED")
    @ValueMapping(source = "failed", target = "FAILED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ExecutionStatus column(String lowerCaseStatus);

    default Workflow workflow(NamedRef workflow) {
        return workflow == null ? null : VendorMapping.workflow(workflow.getId(), workflow.getName());
    }

    /** A loop, as it runs on every retry. */
    default List<Artifact> artifacts(io.execgate.vendor.kaizen.model.Execution execution) {
        if (execution.getDownloads() == null || execution.getDownloads().getFiles() == null) {
            return List.of();
        }
        List<DownloadFile> files = execution.getDownloads().getFiles();
        List<Artifact> artifacts = new ArrayList<>(files.size());
        for (DownloadFile file : files) {
            artifacts.add(download(file));
        }
        return artifacts;
    }
}
