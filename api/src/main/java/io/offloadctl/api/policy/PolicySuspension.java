package io.offloadctl.api.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit-mode policy deciding a setting that enforce-mode policies of lower priority would apply. */
@Schema(description = "A setting an audit-mode policy decides although enforce-mode policies of lower priority set it too: "
        + "agents stop applying it there.")
public record PolicySuspension(
        @Schema(description = "Node name.", examples = "hv-017") String node,
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro") String setting,
        @Schema(description = "The audit-mode policy that decides it.", examples = "watch-gro") String auditPolicy,
        @Schema(description = "The enforce-mode policies it keeps from being applied.", examples = "[\"bridge-ports-no-gro\"]")
        List<String> enforcePolicies) {
}
