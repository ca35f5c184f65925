package io.execgate.adapter.skyvern;

import io.execgate.adapter.StatusColumn;
import io.execgate.adapter.VendorMapping;
import io.execgate.api.model.Artifact;
import io.execgate.api.model.Execution;
import io.execgate.api.model.ExecutionLinks;
import io.execgate.api.model.ExecutionStatus;
import io.execgate.api.model.Workflow;
import io.execgate.vendor.skyvern.model.FileInfo;
import io.execgate.vendor.skyvern.model.WorkflowRunResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ValueMapping;

import java.util.ArrayList;
import java.util.List;

/** Skyvern's {@code WorkflowRunResponse} to the unified {@link Execution}. */
@Mapper(config = VendorMapping.class)
interface SkyvernMapper extends StatusColumn {

    @Mapping(target = "vendor", constant = "skyvern")
    @Mapping(target = "id", source = "run.runId")
    @Mapping(target = "retriedId", source = "retriedId")
    @Mapping(target = "status", source = "run.status", qualifiedByName = "canonical")
    @Mapping(target = "vendorStatus", source = "run.status")
    @Mapping(target = "createdAt", source = "run.createdAt")
    @Mapping(target = "startedAt", source = "run.startedAt")
    @Mapping(target = "finishedAt", source = "run.finishedAt")
    @Mapping(target = "workflow", source = "run")
    @Mapping(target = "failureReason", source = "run.failureReason")
    @Mapping(target = "links", source = "run")
    @Mapping(target = "artifacts", source = "run")
    @Mapping(target = "vendorData", source = "vendorData")
    Execution toExecution(WorkflowRunResponse run, String retriedId, Object vendorData);

    @Mapping(target = "app", source = "appUrl")
    @Mapping(target = "liveView", ignore = true)
    @Mapping(target = "recording", source = "recordingUrl")
    @Mapping(target = "output", ignore = true)
    @Mapping(target = "logs", ignore = true)
    ExecutionLinks links(WorkflowRunResponse run);

    @Mapping(target = "kind", constant = "DOWNLOAD")
    @Mapping(target = "url", source = "url")
    @Mapping(target = "name", source = "filename")
    @Mapping(target = "sizeBytes", source = "fileSize")
    Artifact download(FileInfo file);

    /** The status table's Skyvern column; anything else, or no status, is UNKNOWN. */
    @Override
    @Named("column")
    @ValueMapping(source = "created", target = "QUEUED")
    @ValueMapping(source = "queued", target = "QUEUED")
    @ValueMapping(source = "running", target = "RUNNING")
    @ValueMapping(source = "paused", target = "PAUSED")
    @ValueMapping(source = "completed", target = "COMPLETED")
    @ValueMapping(source = "failed", target = "FAILED")
    @ValueMapping(source = "canceled", target = "CANCELED")
    @ValueMapping(source = "timed_out", target = "TIMED_OUT")
    @ValueMapping(source = "terminated", target = "TERMINATED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ExecutionStatus column(String lowerCaseStatus);

    /** {@code run_request} is read as plain JSON (docs/codegen.md): its workflow id and title. */
    default Workflow workflow(WorkflowRunResponse run) {
        Object request = run.getRunRequest();
        return VendorMapping.workflow(VendorMapping.text(request, "workflow_id"), VendorMapping.text(request, "title"));
    }

    /** Downloads first, then screenshots (latest first, as Skyvern lists them); a loop, as it runs on every retry. */
    default List<Artifact> artifacts(WorkflowRunResponse run) {
        List<FileInfo> files = run.getDownloadedFiles() == null ? List.of() : run.getDownloadedFiles();
        List<String> screenshots = run.getScreenshotUrls() == null ? List.of() : run.getScreenshotUrls();
        List<Artifact> artifacts = new ArrayList<>(files.size() + screenshots.size());
        for (FileInfo file : files) {
            artifacts.add(download(file));
        }
        for (String url : screenshots) {
            artifacts.add(VendorMapping.screenshot(url));
        }
        return artifacts;
    }
}
