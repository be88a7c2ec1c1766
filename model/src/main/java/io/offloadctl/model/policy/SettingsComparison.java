package io.offloadctl.model.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.Channels;
import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.SettingName;
import io.offloadctl.model.settings.SettingValue;

/**
 * The one answer to "is this interface as its desired state wants?": every desired setting that is
 * not in effect, with what is in effect and why. Compliance, the agent's plan, the doctor's
 * fixed-feature rule and the policy preview are all read off these deviations.
 */
public final class SettingsComparison {

    private SettingsComparison() {
    }

    /**
     * The deviations of one interface from its desired settings, features first (by name), then
     * channels (by kind), then size limits. {@code agent} marks what its agent stopped repairing: contested.
     */
    public static List<Deviation> deviations(InterfaceReport iface, DesiredInterface desired, AgentStatus agent) {
        List<Deviation> deviations = new ArrayList<>();
        for (Map.Entry<String, DesiredInterface.Wanted> entry : desired.settings().entrySet()) {
            String setting = entry.getKey();
            DesiredInterface.Wanted wanted = entry.getValue();
            Object actual = currentValue(iface, setting).orElse(null);
            boolean contested = agent.isContested(iface.name(), setting);
            if (wanted.value().equals(actual) && !contested) {
                continue;
            }
            String refusal = refusal(iface, setting, wanted.value());
            ComplianceStatus status = contested ? ComplianceStatus.contested
                    : refusal != null ? ComplianceStatus.unenforceable : ComplianceStatus.drifted;
            deviations.add(new Deviation(setting, wanted.value(), actual, status, wanted.policy(), wanted.mode(),
                    status == ComplianceStatus.unenforceable ? refusal : null));
        }
        return deviations;
    }

    /** The deviations an agent changes: drifted ones that enforce-mode policies want. */
    public static List<Deviation> toChange(InterfaceReport iface, DesiredInterface desired) {
        return deviations(iface, desired, AgentStatus.NONE).stream()
                .filter(d -> d.mode() == PolicyMode.enforce && d.status() == ComplianceStatus.drifted).toList();
    }

    /**
     * The value of a setting in effect: a feature's active value, a channel count, a size limit, a
     * ring, coalescing or pause parameter; empty when the interface lacks it.
     */
    public static Optional<Object> currentValue(InterfaceReport iface, String setting) {
        Optional<ChannelKind> channel = SettingName.channelKind(setting);
        if (channel.isPresent()) {
            return Optional.ofNullable(iface.channels()).map(c -> (long) c.current().of(channel.get()));
        }
        Optional<LinkLimit> limit = SettingName.limit(setting);
        if (limit.isPresent()) {
            return Optional.ofNullable(iface.limits().get(limit.get()));
        }
        Optional<DriverParameter> parameter = SettingName.driverParameter(setting);
        if (parameter.isPresent()) {
            return Optional.ofNullable(iface.reported(parameter.get()).get(parameter.get()));
        }
        return Optional.ofNullable(iface.features().get(setting)).map(FeatureReport::active);
    }

    /**
     * The value of a setting an agent could change now: a changeable feature's active value, a
     * channel count of a kind the driver has, a settable size limit; empty when the interface lacks the setting or the
     * driver keeps it fixed. What an agent records as the original before it changes anything.
     */
    public static Optional<Object> changeableValue(InterfaceReport iface, String setting) {
        return refusal(iface, setting, null) == null ? currentValue(iface, setting) : Optional.empty();
    }

    /**
     * Why the setting cannot be made {@code wanted} here (null: any value within the driver's
     * maxima): the interface lacks it, the driver keeps it fixed, or the count is beyond the maximum.
     */
    private static String refusal(InterfaceReport iface, String setting, Object wanted) {
        Optional<DriverParameter> parameter = SettingName.driverParameter(setting);
        if (parameter.isPresent()) {
            return parameter.get().refusal(iface.name(), wanted == null ? 0 : (Long) wanted, iface.reported(parameter.get())).orElse(null);
        }
        Optional<LinkLimit> limit = SettingName.limit(setting);
        if (limit.isPresent()) {
            return limit.get().refusal(iface.name(), wanted == null ? 0 : (Long) wanted, iface.limits()).orElse(null);
        }
        Optional<ChannelKind> channel = SettingName.channelKind(setting);
        if (channel.isPresent()) {
            Channels channels = iface.channels();
            if (channels == null) {
                return "the driver of '" + iface.name() + "' has no channel settings";
            }
            if (!channels.has(channel.get())) {
                return "'" + iface.name() + "' has no " + channel.get().argument() + " channels (its driver reports a maximum of 0)";
            }
            return wanted == null ? null : channels.refusal(iface.name(), channel.get(), Math.toIntExact((Long) wanted)).orElse(null);
        }
        FeatureReport feature = iface.features().get(setting);
        if (feature == null) {
            return "'" + iface.name() + "' has no feature " + setting;
        }
        return feature.fixed() ? "the driver has it fixed " + SettingValue.text(feature.active()) : null;
    }
}
