package io.offloadctl.model.settings;

import java.util.Optional;

/**
 * The one name of each setting of an interface, as deviations, conflicts, contests, originals and
 * enactments carry it: a feature by its kernel name ({@code rx-gro}; kernel feature names hold no
 * '.'), every other setting as {@code SECTION.NAME} ({@code channels.rx}, {@code limits.gso_max_size},
 * {@code rings.rx}, {@code coalesce.rx_usecs}, {@code pause.rx}).
 */
public final class SettingName {

    /** What a setting name is, for the API's schemas (one text wherever a setting is named). */
    public static final String DESCRIPTION = "The setting: a kernel feature name, channels.KIND for a channel count (rx, tx, "
            + "other, combined), limits.NAME for a size limit (gso_max_size, gro_max_size, ...), rings.NAME for a ring "
            + "parameter (rx, tx, ...), coalesce.NAME for a coalescing parameter (rx_usecs, adaptive_rx, ...) or pause.NAME for a pause "
            + "parameter (autoneg, rx, tx); on/off ones as 1 or 0.";

    private static final String CHANNELS = "channels.";
    private static final String LIMITS = "limits.";

    private SettingName() {
    }

    public static String channel(ChannelKind kind) {
        return CHANNELS + kind.argument();
    }

    /** The channel kind a setting name names; empty for a feature. */
    public static Optional<ChannelKind> channelKind(String setting) {
        return setting.startsWith(CHANNELS) ? ChannelKind.named(setting.substring(CHANNELS.length())) : Optional.empty();
    }

    public static String limit(LinkLimit limit) {
        return LIMITS + limit.name();
    }

    /** The size limit a setting name names; empty for any other. */
    public static Optional<LinkLimit> limit(String setting) {
        return setting.startsWith(LIMITS) ? LinkLimit.named(setting.substring(LIMITS.length())) : Optional.empty();
    }

    /** A ring, coalescing or pause parameter's name: {@code rings.rx}, {@code coalesce.rx_usecs}, {@code pause.rx}. */
    public static String parameter(DriverParameter parameter) {
        return parameter.section() + "." + parameter.name();
    }

    /** The ring parameter a setting name names; empty for any other. */
    public static Optional<RingParameter> ring(String setting) {
        return named(setting, RingParameter.values());
    }

    /** The coalescing parameter a setting name names; empty for any other. */
    public static Optional<CoalesceParameter> coalesce(String setting) {
        return named(setting, CoalesceParameter.values());
    }

    /** The pause parameter a setting name names; empty for any other. */
    public static Optional<PauseParameter> pause(String setting) {
        return named(setting, PauseParameter.values());
    }

    /** The ring, coalescing or pause parameter a setting name names; empty for any other. */
    public static Optional<DriverParameter> driverParameter(String setting) {
        return ring(setting).<DriverParameter>map(p -> p).or(() -> coalesce(setting)).or(() -> pause(setting));
    }

    private static <P extends DriverParameter> Optional<P> named(String setting, P[] parameters) {
        for (P parameter : parameters) {
            if (setting.equals(parameter(parameter))) {
                return Optional.of(parameter);
            }
        }
        return Optional.empty();
    }

    /** Whether the name is a feature's (a kernel feature name), not another section's. */
    public static boolean isFeature(String setting) {
        return setting.indexOf('.') < 0;
    }
}
