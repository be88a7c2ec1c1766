package io.offloadctl.model.diagnose;

import java.util.Optional;

/** One test of a rule against one interface: the evidence when it holds, empty when it does not. */
interface Condition {

    Optional<String> evidence(InterfaceFacts facts);

    /** Whether it judges counters over a sample (a symptom), not what the node is. */
    default boolean needsSample() {
        return false;
    }
}
