package io.offloadctl.model.diagnose;

import java.util.Optional;

/** One test of a rule against one interface: the evidence when it holds, empty when it does not. */
interface Condition {

    Optional<String> evidence(InterfaceFacts facts);

    /** Whether it judges counters over a sample (a symptom), not what the node is. */
    default boolean needsSample() {
        return false;
    }

    /**
     * Whether it may hold for the interface {@code iface} given only a sample: a condition on counters
     * says whether it holds, every other one may (it is not judged here). What a report whose
     * configuration is unchanged needs to know before anything else of the node is read.
     */
    default boolean mayHold(NodeSample sample, String iface) {
        return true;
    }
}
