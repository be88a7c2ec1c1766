package io.offloadctl.api.node;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.offloadctl.model.report.ProbeResult;
import io.offloadctl.model.settings.SettingValue;

/** An agent's account of applying a desired-state revision. */
@Schema(description = "The result of an agent applying one revision of its node's desired state.")
public record Enactment(
        @Schema(description = "The desired-state revision that was applied.", examples = "4", required = true) long revision,
        @Schema(description = "applied, partially-applied, failed or rolled-back.", required = true) Result result,
        @Schema(description = "What happened, for people.", examples = "probe of the API failed after apply; checkpoint restored") String message,
        @Schema(description = "Per interface and feature: what was wanted and what the kernel shows after the last step "
                + "(after the restore, when the change was rolled back).") List<Detail> details,
        @Schema(nullable = true, description = "When the agent acted (UTC); the time of the event. Enactments an agent made "
                + "while it could not reach the API arrive later, in order, with their own times. Default: now.") OffsetDateTime at,
        @Schema(description = "The probes made around a change (none for a drift repair).") List<ProbeResult> probes) {

    public Enactment {
        details = details == null ? List.of() : List.copyOf(details);
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    /** Outcome of an enactment. */
    @Schema(description = "Outcome of applying a revision.")
    public enum Result {
        applied("applied"), partially_applied("partially-applied"), failed("failed"), rolled_back("rolled-back");

        private final String wire;

        Result(String wire) {
            this.wire = wire;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return wire;
        }
    }

    /** One feature of one interface. */
    @Schema(description = "One feature of one interface in an enactment.")
    public record Detail(
            @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
            @JsonAlias("feature") @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro") String setting,
            @Schema(description = "The desired value.", ref = SettingValue.SCHEMA) Object wanted,
            @Schema(nullable = true, description = "The value read back afterwards; null when the interface lacks the setting.",
                    ref = SettingValue.NULLABLE_SCHEMA) Object actual,
            @Schema(description = "Why it differs, if it does.", examples = "fixed by the driver") String note) {

        public Detail {
            wanted = SettingValue.of(wanted);
            actual = SettingValue.of(actual);
        }
    }
}
