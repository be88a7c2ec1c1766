package io.offloadctl.model.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One interface against its desired state. */
@Schema(description = "One interface's compliance and the features that deviate.")
public record InterfaceCompliance(
        @Schema(description = "Interface name.", examples = "eno1") String name,
        @Schema(description = "The interface's status: drifted or unenforceable when a desired feature deviates.") ComplianceStatus status,
        @Schema(description = "The desired features that are not in effect.") List<Deviation> deviations) {

    public InterfaceCompliance {
        deviations = List.copyOf(deviations);
    }
}
