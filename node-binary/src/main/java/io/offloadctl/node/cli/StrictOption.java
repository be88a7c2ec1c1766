package io.offloadctl.node.cli;

import io.offloadctl.model.FeatureRequestResolver;
import picocli.CommandLine.Option;

/** The {@code --strict} switch of the commands that take {@code NAME on|off} settings as ethtool -K does. */
public final class StrictOption {
    @Option(names = "--strict", description = "Refuse what ethtool -K accepts but may be a mistake: a feature set both "
            + "ways in one request (ethtool turns it on, whatever the order) and a legacy name this kernel has no "
            + "feature for, such as ufo (ethtool ignores it).")
    boolean strict;

    FeatureRequestResolver.Mode mode() {
        return strict ? FeatureRequestResolver.Mode.STRICT : FeatureRequestResolver.Mode.ETHTOOL;
    }
}
