package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.offloadctl.model.LegacyFlags;
import io.offloadctl.model.settings.LinkLimit;

/**
 * What NetworkManager calls each setting of a plan item, for both of its forms (nmcli properties
 * in the dispatcher script, keys of a keyfile): libnm's ethtool options (NM_ETHTOOL_OPTNAME_*:
 * feature-*, ring-*, coalesce-*, pause-*, channels-*) and NMSettingLink's properties, each with the
 * NetworkManager release that has it when that is later than the ethtool setting itself (1.26,
 * with rings and coalescing); and what NetworkManager has no property for.
 */
final class NetworkManagerSettings {

    /** Kernel features without an ethtool feature option in libnm (checked against libnm itself by the tests). */
    static final Set<String> UNKNOWN_FEATURES = Set.of("tx-tcp-accecn-segmentation", "hsr-tag-ins-offload",
            "hsr-tag-rm-offload", "hsr-fwd-offload", "hsr-dup-offload", "vlan-challenged", "tx-lockless", "netns-local",
            "tx-udp-fragmentation");

    /** NMSettingLink's properties (NetworkManager 1.44) by the size limit they set; the IPv4 twins have none. */
    private static final Map<LinkLimit, String> LIMIT_PROPERTIES = Map.of(LinkLimit.gso_max_size, "gso-max-size",
            LinkLimit.gso_max_segs, "gso-max-segments", LinkLimit.gro_max_size, "gro-max-size");

    /** libnm's channel options came in 1.46 (nm_ethtool_optname_is_channels), NMSettingLink in 1.44. */
    static final String CHANNELS_SINCE = "1.46";
    static final String LINK_SINCE = "1.44";
    /** libnm's pause options (NM_ETHTOOL_OPTNAME_PAUSE_*, booleans) came in 1.32. */
    static final String PAUSE_SINCE = "1.32";

    private NetworkManagerSettings() {
    }

    /**
     * One property: the setting it belongs to ({@code ethtool}, {@code link}), its key
     * ({@code feature-gro}), the value (a Boolean for features and pause, else a number) and the release that
     * has it when later than 1.26 (else null).
     */
    record Property(String setting, String key, Object value, String since) {

        /** As nmcli connection modify takes it: {@code ethtool.feature-gro off}. */
        String nmcli() {
            return setting + "." + key + " " + (value instanceof Boolean on ? (on ? "on" : "off") : value);
        }

        /** As a keyfile line in the [setting] group: {@code feature-gro=false}. */
        String keyfileLine() {
            return key + "=" + value;
        }
    }

    /** An item's settings as NetworkManager names them, and those it cannot name. */
    record Mapped(List<Property> properties, List<String> unknown) {

        /** The properties that need a release later than 1.26, by that release. */
        Map<String, List<String>> needing() {
            Map<String, List<String>> byRelease = new TreeMap<>();
            properties.stream().filter(p -> p.since() != null)
                    .forEach(p -> byRelease.computeIfAbsent(p.since(), k -> new ArrayList<>()).add(p.setting() + "." + p.key()));
            return byRelease;
        }

        /** Comment lines: what needs which release, and what NetworkManager cannot set. */
        String comments() {
            StringBuilder out = new StringBuilder();
            needing().forEach((release, keys) -> out.append("# these need NetworkManager ").append(release).append(" or later: ")
                    .append(String.join(" ", keys)).append('\n'));
            if (!unknown.isEmpty()) {
                out.append("# NetworkManager has no property for: ").append(String.join(" ", unknown)).append('\n');
            }
            return out.toString();
        }
    }

    static Mapped of(PersistPlan.Item item) {
        List<Property> properties = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        // libnm knows features by their kernel names, those a legacy flag stands for alone by its short name
        item.features().forEach((feature, on) -> {
            if (UNKNOWN_FEATURES.contains(feature)) {
                unknown.add(feature);
            } else {
                properties.add(new Property("ethtool", "feature-" + LegacyFlags.soleShortName(feature).orElse(feature), on, null));
            }
        });
        item.channels().forEach((kind, count) -> properties.add(new Property("ethtool", "channels-" + kind.argument(), count,
                CHANNELS_SINCE)));
        item.limits().forEach((limit, value) -> {
            if (LIMIT_PROPERTIES.containsKey(limit)) {
                properties.add(new Property("link", LIMIT_PROPERTIES.get(limit), value, LINK_SINCE));
            } else {
                unknown.add(limit.name());
            }
        });
        item.rings().forEach((parameter, value) -> {
            if (parameter.inIoctlStruct()) { // libnm's NM_ETHTOOL_OPTNAME_RING_*
                properties.add(new Property("ethtool", "ring-" + parameter.argument(), value, null));
            } else {
                unknown.add("rings." + parameter);
            }
        });
        item.coalesce().forEach((parameter, value) -> {
            if (!parameter.inIoctlStruct()) { // libnm has no NM_ETHTOOL_OPTNAME_COALESCE_ for the CQE modes
                unknown.add("coalesce." + parameter);
            } else {
                // every coalescing option is a uint32 there, the adaptive ones 1 or 0 too
                properties.add(new Property("ethtool", "coalesce-" + parameter.argument(), value, null));
            }
        });
        item.pause().forEach((parameter, value) -> properties.add(new Property("ethtool", "pause-" + parameter.argument(), value != 0,
                PAUSE_SINCE)));
        return new Mapped(properties, unknown);
    }
}
