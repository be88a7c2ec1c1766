package io.offloadctl.node.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.OffloadException;

/**
 * Applies feature requests to several interfaces as one change: every interface is read first
 * (so a missing one changes nothing), then changed in order; if a change fails, or a changeable
 * feature does not end up as requested, every interface touched so far is put back as it was.
 * When putting back fails too, that is attached to the original error, which is the one thrown.
 */
public final class AllOrNothingApplier {

    private final FeatureReader reader;
    private final FeatureWriter writer;

    public AllOrNothingApplier(KernelSession session) {
        this.reader = new FeatureReader(session);
        this.writer = new FeatureWriter(session);
    }

    public List<SetOutcome> apply(Map<String, FeatureRequest> requests) {
        Map<String, FeatureTable> checkpoint = new LinkedHashMap<>();
        requests.keySet().forEach(name -> checkpoint.put(name, reader.read(name)));
        List<SetOutcome> outcomes = new ArrayList<>();
        List<FeatureTable> touched = new ArrayList<>();
        try {
            for (Map.Entry<String, FeatureRequest> entry : requests.entrySet()) {
                FeatureTable before = checkpoint.get(entry.getKey());
                touched.add(before);
                SetOutcome outcome = writer.apply(before, entry.getValue());
                outcomes.add(outcome);
                if (outcome.failedOnChangeableFeature()) {
                    throw new OffloadException(ErrorKind.VERIFICATION, "'" + outcome.interfaceName()
                            + "' did not take " + describe(outcome) + "; every interface was put back as it was");
                }
            }
            return outcomes;
        } catch (RuntimeException failure) {
            rollBack(touched, failure);
            throw failure;
        }
    }

    /**
     * Puts every interface of a change back as it was before it, the last changed first. For
     * changes that succeeded but are then judged bad (a failed probe, a worse throughput).
     */
    public void undo(List<SetOutcome> outcomes) {
        RuntimeException failure = restoreAll(outcomes.stream().map(SetOutcome::before).toList());
        if (failure != null) {
            throw failure;
        }
    }

    private void rollBack(List<FeatureTable> touched, RuntimeException failure) {
        RuntimeException restoreFailure = restoreAll(touched);
        if (restoreFailure != null) {
            failure.addSuppressed(restoreFailure);
        }
    }

    /** Restores every checkpoint, the last first, even when one fails; the first failure (others suppressed in it), or null. */
    private RuntimeException restoreAll(List<FeatureTable> checkpoints) {
        RuntimeException first = null;
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            try {
                writer.restore(checkpoints.get(i));
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    private static String describe(SetOutcome outcome) {
        return String.join(", ", outcome.report().unmet().stream()
                .map(line -> line.name() + " " + (line.active() ? "off" : "on"))
                .toList());
    }
}
