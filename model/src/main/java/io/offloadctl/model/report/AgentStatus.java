package io.offloadctl.model.report;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an agent holds back on its node: a quarantined revision, and features it stopped fighting for. */
@Schema(description = "What the node's agent holds back: a revision that failed and is not tried again, and contested "
        + "features it stopped repairing.")
public record AgentStatus(
        @Schema(nullable = true, description = "The failed revision the agent does not try again; null when none.") Quarantine quarantine,
        @Schema(description = "Features something else keeps turning back; the agent stopped repairing them.") List<ContestedFeature> contested) {

    public static final AgentStatus NONE = new AgentStatus(null, List.of());

    public AgentStatus {
        contested = contested == null ? List.of() : List.copyOf(contested);
    }

    public boolean isContested(String interfaceName, String feature) {
        return contested.stream().anyMatch(c -> c.interfaceName().equals(interfaceName) && c.feature().equals(feature));
    }
}
