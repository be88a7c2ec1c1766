package io.offloadctl.model.diagnose;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One rule that matched one interface: what, how bad, the evidence, and the change that fixes it. */
@Schema(description = "A diagnostic rule that matched one interface, with its evidence and the recommended change: what "
        + "offloadctl doctor --json prints and the API's findings hold, one schema.")
public record Finding(
        @Schema(description = "Id of the rule.", examples = "bnxt-gro-gso-bridged", required = true) String rule,
        @Schema(description = "What the rule finds, in a line.", examples = "Broadcom bnxt_en bridge port with GRO/GSO on") String title,
        @Schema(description = "How much it matters.", required = true) Severity severity,
        @Schema(description = "The interface it matched.", examples = "eno1", required = true) String interfaceName,
        @Schema(description = "What was observed that made the rule match.") List<String> evidence,
        @Schema(description = "Recommended feature values by kernel name: only the ones that differ now and can be changed.")
        Map<String, Boolean> recommend,
        @Schema(nullable = true, description = "The offloadctl set arguments that apply the recommendation; null when nothing can be changed.",
                examples = "gro off gso off") String fix,
        @Schema(description = "Why this matters, in plain words.") String explanation,
        @Schema(description = "The public sources the rule's knowledge comes from.") List<Source> sources) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        recommend = recommend == null ? Map.of() : new TreeMap<>(recommend);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
