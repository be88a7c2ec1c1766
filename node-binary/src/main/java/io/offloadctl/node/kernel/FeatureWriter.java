package io.offloadctl.node.kernel;

import java.util.Map;
import java.util.Set;

import io.offloadctl.model.ChangeReport;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.Feature;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.SfeaturesFlag;

/**
 * Changes features the way ethtool does: read, one ETHTOOL_SFEATURES, read again and compare.
 * Also puts an interface back to a state read earlier.
 */
public final class FeatureWriter {

    private final KernelSession session;
    private final FeatureReader reader;

    public FeatureWriter(KernelSession session) {
        this.session = session;
        this.reader = new FeatureReader(session);
    }

    public SetOutcome apply(String interfaceName, FeatureRequest request) {
        return apply(reader.read(interfaceName), request);
    }

    /** Applies {@code request} to the interface whose current state is {@code before}. */
    public SetOutcome apply(FeatureTable before, FeatureRequest request) {
        String interfaceName = before.interfaceName();
        SetRequestBits bits = new SetRequestBits(before.wordCount());
        for (Map.Entry<String, Boolean> wanted : request.wanted().entrySet()) {
            Feature feature = before.feature(wanted.getKey()).orElseThrow(() -> new OffloadException(
                    ErrorKind.INVALID_ARGUMENT, "'" + interfaceName + "' has no feature " + wanted.getKey()));
            if (feature.neverChanged()) {
                throw new OffloadException(ErrorKind.NOT_SUPPORTED,
                        feature.name() + " can never be changed: the kernel keeps it fixed on every interface");
            }
            bits.request(feature, wanted.getValue());
        }
        Set<SfeaturesFlag> flags = send(interfaceName, bits);
        FeatureTable after = reader.read(interfaceName);
        return new SetOutcome(interfaceName, request, before, after, ChangeReport.of(request, before, after), flags);
    }

    /**
     * Puts every changeable feature back to what {@code checkpoint} had requested, then checks
     * that the active features match the checkpoint again.
     */
    public void restore(FeatureTable checkpoint) {
        String interfaceName = checkpoint.interfaceName();
        SetRequestBits bits = new SetRequestBits(checkpoint.wordCount());
        checkpoint.features().stream().filter(Feature::changeable)
                .forEach(feature -> bits.request(feature, feature.requested()));
        send(interfaceName, bits);
        FeatureTable now = reader.read(interfaceName);
        for (Feature was : checkpoint.features()) {
            boolean active = now.feature(was.name()).map(Feature::active).orElse(!was.active());
            if (active != was.active()) {
                throw new OffloadException(ErrorKind.VERIFICATION, "restoring '" + interfaceName + "' left "
                        + was.name() + " " + (active ? "on" : "off") + " where it was " + (was.active() ? "on" : "off"));
            }
        }
    }

    /** One ETHTOOL_SFEATURES; the change is judged by the read after it, as ethtool judges it. */
    private Set<SfeaturesFlag> send(String interfaceName, SetRequestBits bits) {
        return KernelErrors.explained(session.namespace(), interfaceName,
                () -> session.ethtool().setFeatures(interfaceName, bits.valid(), bits.requested()));
    }

    /** The {valid, requested} bitmaps of one ETHTOOL_SFEATURES call. */
    private record SetRequestBits(int[] valid, int[] requested) {
        SetRequestBits(int wordCount) {
            this(new int[wordCount], new int[wordCount]);
        }

        void request(Feature feature, boolean on) {
            int word = feature.index() / 32;
            int bit = 1 << (feature.index() % 32);
            valid[word] |= bit;
            if (on) {
                requested[word] |= bit;
            }
        }
    }
}
