package io.offloadctl.api.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened. Lower case: the words on the wire. */
@Schema(description = "report: a node reported a changed state; drift: an interface drifted from its desired state; "
        + "enactment: an agent applied a revision; verification: a node measured a change (offloadctl verify); "
        + "policy-created / policy-changed / policy-deleted; node-deleted; contested: an agent stopped repairing a feature "
        + "that something else keeps turning back; retry: an operator asked an agent to try a failed revision again; rollout: a "
        + "rollout of a policy change started, started a wave, finished a wave, paused, resumed, completed, was aborted or superseded.")
public enum EventType {
    report("report"), drift("drift"), enactment("enactment"), policy_created("policy-created"),
    policy_changed("policy-changed"), policy_deleted("policy-deleted"), node_deleted("node-deleted"),
    verification("verification"), contested("contested"), retry("retry"), rollout("rollout");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return wire;
    }

    public static EventType fromWire(String value) {
        for (EventType type : values()) {
            if (type.wire.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
