package io.offloadctl.node.kernel;

import io.offloadctl.model.InterfaceNames;
import java.util.ArrayList;
import java.util.List;

import io.offloadctl.model.Feature;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.node.ffi.FeatureWords;

/** Reads the features of an interface: names from ETHTOOL_GSTRINGS, state from ETHTOOL_GFEATURES. */
public final class FeatureReader {

    private final KernelSession session;

    public FeatureReader(KernelSession session) {
        this.session = session;
    }

    /** The features of the interface with this (own) name; {@link KernelSession#interfaceName} resolves what people type. */
    public FeatureTable read(String interfaceName) {
        InterfaceNames.validate(interfaceName);
        return KernelErrors.explained(session.namespace(), interfaceName, () -> {
            List<String> names = session.featureNames(interfaceName);
            FeatureWords words = session.ethtool().getFeatures(interfaceName, (names.size() + 31) / 32);
            return toTable(interfaceName, names, words);
        });
    }

    /** Pairs the names with their bits; unnamed bits are left out. */
    static FeatureTable toTable(String interfaceName, List<String> names, FeatureWords words) {
        List<Feature> features = new ArrayList<>(names.size());
        int bits = Math.min(names.size(), words.wordCount() * 32);
        for (int i = 0; i < bits; i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                continue;
            }
            features.add(new Feature(name, i,
                    FeatureWords.bit(words.available(), i),
                    FeatureWords.bit(words.requested(), i),
                    FeatureWords.bit(words.active(), i),
                    FeatureWords.bit(words.neverChanged(), i)));
        }
        return new FeatureTable(interfaceName, words.wordCount(), features);
    }
}
