package io.offloadctl.model.report;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an agent holds on its node: a quarantined revision, features it stopped fighting for, and
 * the originals of the features policies changed.
 */
@Schema(description = "What the node's agent holds: a revision that failed and is not tried again, contested features it "
        + "stopped repairing, and the original values of the features policies changed.")
public record AgentStatus(
        @Schema(nullable = true, description = "The failed revision the agent does not try again; null when none.") Quarantine quarantine,
        @Schema(description = "Features something else keeps turning back; the agent stopped repairing them.") List<ContestedFeature> contested,
        @Schema(description = "Per interface and feature a policy changed: the value found before the first change.")
        List<OriginalFeature> originals) {

    public static final AgentStatus NONE = new AgentStatus(null, List.of(), List.of());

    public AgentStatus {
        contested = contested == null ? List.of() : List.copyOf(contested);
        originals = originals == null ? List.of() : List.copyOf(originals);
    }

    public java.util.Optional<OriginalFeature> original(String interfaceName, String setting) {
        return originals.stream().filter(o -> o.interfaceName().equals(interfaceName) && o.setting().equals(setting)).findFirst();
    }

    public boolean isContested(String interfaceName, String setting) {
        return contested.stream().anyMatch(c -> c.interfaceName().equals(interfaceName) && c.setting().equals(setting));
    }
}
