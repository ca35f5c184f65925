package io.execgate.adapter;

import io.execgate.api.model.Artifact;
import io.execgate.api.model.ArtifactKind;
import io.execgate.api.model.Workflow;
import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Shared MapStruct configuration and the small conversions every vendor mapper needs.
 * Unmapped target properties are errors, so a new {@code Execution} member in
 * {@code specs/gateway.yaml} fails the build until every vendor maps it.
 */
@MapperConfig(componentModel = "jakarta", unmappedTargetPolicy = ReportingPolicy.ERROR, uses = VendorMapping.Conversions.class)
public interface VendorMapping {

    /** Conversions MapStruct applies by type; a bean because the mappers are beans. */
    @jakarta.inject.Singleton
    final class Conversions {
        /** The contract answers in UTC; a vendor time without an offset was already read as UTC. */
        public ZonedDateTime utc(ZonedDateTime time) {
            return time == null ? null : time.withZoneSameInstant(ZoneOffset.UTC);
        }
    }

    /** {@code null} when the vendor said nothing about the workflow, so nothing is invented. */
    static Workflow workflow(String id, String name) {
        return id == null && name == null ? null : new Workflow(id, name);
    }

    static Artifact screenshot(String url) {
        return new Artifact(ArtifactKind.SCREENSHOT, url, null, null);
    }

    /** Reads a string member of a free-form JSON object the generated model left untyped. */
    static String text(Object jsonObject, String member) {
        return jsonObject instanceof Map<?, ?> map && map.get(member) instanceof String s ? s : null;
    }
}
