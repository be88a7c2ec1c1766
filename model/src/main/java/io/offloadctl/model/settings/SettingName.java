package io.offloadctl.model.settings;

import java.util.Optional;

/**
 * The one name of each setting of an interface, as deviations, conflicts, contests, originals and
 * enactments carry it: a feature by its kernel name ({@code rx-gro}; kernel feature names hold no
 * '.'), every other setting as {@code SECTION.NAME} ({@code channels.rx}).
 */
public final class SettingName {

    private static final String CHANNELS = "channels.";

    private SettingName() {
    }

    public static String channel(ChannelKind kind) {
        return CHANNELS + kind.argument();
    }

    /** The channel kind a setting name names; empty for a feature. */
    public static Optional<ChannelKind> channelKind(String setting) {
        return setting.startsWith(CHANNELS) ? ChannelKind.named(setting.substring(CHANNELS.length())) : Optional.empty();
    }

    /** Whether the name is a feature's (a kernel feature name), not another section's. */
    public static boolean isFeature(String setting) {
        return setting.indexOf('.') < 0;
    }
}
