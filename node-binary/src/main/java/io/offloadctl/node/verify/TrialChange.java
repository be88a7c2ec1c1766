package io.offloadctl.node.verify;

import io.offloadctl.model.FeatureRequest;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.FeatureWriter;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.SetOutcome;

import java.util.List;
import java.util.Map;

/**
 * A feature change that can be taken back: applied all-or-nothing, remembering every interface's
 * state before, so {@link #rollBack()} restores exactly that.
 */
final class TrialChange {

    private final FeatureWriter writer;
    private final List<SetOutcome> outcomes;

    private TrialChange(FeatureWriter writer, List<SetOutcome> outcomes) {
        this.writer = writer;
        this.outcomes = outcomes;
    }

    static TrialChange apply(KernelSession session, Map<String, FeatureRequest> requests) {
        return new TrialChange(new FeatureWriter(session), new AllOrNothingApplier(session).apply(requests));
    }

    List<SetOutcome> outcomes() {
        return outcomes;
    }

    void rollBack() {
        RuntimeException first = null;
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            try {
                writer.restore(outcomes.get(i).before());
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
