package io.offloadctl.model.report;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.offloadctl.model.settings.SettingValue;

/**
 * A managed setting that something else on the host keeps turning back: the agent repaired it
 * {@code repairs} times within {@code windowSeconds} and stopped, rather than fight.
 */
@Schema(description = "A managed feature that something else on the host (a CNI agent, NetworkManager, a udev rule) keeps "
        + "turning back: the agent repaired it repairs times within windowSeconds and stopped repairing it until the revision "
        + "changes or an operator asks for a retry.")
public record ContestedFeature(
        @Schema(description = "Interface name.", examples = "eno1", required = true) String interfaceName,
        @JsonAlias("feature") @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro",
                required = true) String setting,
        @Schema(description = "The desired value the agent kept restoring.", ref = SettingValue.SCHEMA) Object wanted,
        @Schema(description = "Repairs made within the window before the agent stopped.", examples = "5") int repairs,
        @Schema(description = "The window, in seconds.", examples = "60") long windowSeconds,
        @Schema(description = "When the agent stopped repairing it (UTC).") Instant since) {

    public ContestedFeature {
        wanted = SettingValue.of(wanted);
    }
}
