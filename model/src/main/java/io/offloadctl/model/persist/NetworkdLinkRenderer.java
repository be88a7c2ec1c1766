package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.LinkLimit;

/**
 * systemd-networkd {@code .link} files, applied by udev when a NIC appears. A .link file can
 * express only the offload keys systemd.link has (and every channel count, gso_max_size and
 * gso_max_segs); what it cannot is named in a comment, for the systemd or udev forms to carry. Every
 * key written is one systemd 252's udev knows (its link-config table; the test holds that list).
 */
final class NetworkdLinkRenderer implements PersistRenderer {

    /** systemd.link [Link] keys by the kernel feature(s) they set; a key set by several needs them all alike. */
    private static final Map<String, List<String>> KEYS = keys();

    /** systemd.link [Link] keys by the kind of channel they set. */
    private static final Map<ChannelKind, String> CHANNEL_KEYS = Map.of(ChannelKind.rx, "RxChannels", ChannelKind.tx, "TxChannels",
            ChannelKind.other, "OtherChannels", ChannelKind.combined, "CombinedChannels");

    /** systemd.link [Link] keys by the size limit they set; the others (gro_, the IPv4 twins) have none in systemd 252. */
    private static final Map<LinkLimit, String> LIMIT_KEYS = Map.of(LinkLimit.gso_max_size, "GenericSegmentOffloadMaxBytes",
            LinkLimit.gso_max_segs, "GenericSegmentOffloadMaxSegments");

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("ReceiveChecksumOffload", List.of("rx-checksum"));
        keys.put("TransmitChecksumOffload", KernelFeatureNames.all().stream().filter(n -> n.startsWith("tx-checksum-")).toList());
        keys.put("TCPSegmentationOffload", List.of("tx-tcp-segmentation"));
        keys.put("TCP6SegmentationOffload", List.of("tx-tcp6-segmentation"));
        keys.put("GenericSegmentationOffload", List.of("tx-generic-segmentation"));
        keys.put("GenericReceiveOffload", List.of("rx-gro"));
        keys.put("GenericReceiveOffloadHardware", List.of("rx-gro-hw"));
        keys.put("LargeReceiveOffload", List.of("rx-lro"));
        keys.put("ReceiveVLANCTAGHardwareAcceleration", List.of("rx-vlan-hw-parse"));
        keys.put("TransmitVLANCTAGHardwareAcceleration", List.of("tx-vlan-hw-insert"));
        keys.put("ReceiveVLANCTAGFilter", List.of("rx-vlan-filter"));
        keys.put("TransmitVLANSTAGHardwareAcceleration", List.of("tx-vlan-stag-hw-insert"));
        keys.put("NTupleFilter", List.of("rx-ntuple-filter"));
        keys.put("UDPSegmentationOffload", List.of("tx-udp-segmentation"));
        return keys;
    }

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder(plan.noteComments());
        for (int i = 0; i < plan.items().size(); i++) {
            PersistPlan.Item item = plan.items().get(i);
            Map<String, Boolean> left = new TreeMap<>(item.features());
            List<String> lines = new ArrayList<>();
            KEYS.forEach((key, features) -> {
                Boolean value = left.get(features.get(0));
                if (value != null && features.stream().allMatch(f -> value.equals(left.get(f)))) {
                    lines.add(key + "=" + (value ? "yes" : "no"));
                    features.forEach(left::remove);
                }
            });
            // systemd.link [Link] RxChannels=, TxChannels=, OtherChannels=, CombinedChannels=.
            item.channels().forEach((kind, count) -> lines.add(CHANNEL_KEYS.get(kind) + "=" + count));
            List<String> limitsLeft = new ArrayList<>();
            item.limits().forEach((limit, value) -> {
                if (LIMIT_KEYS.containsKey(limit)) {
                    lines.add(LIMIT_KEYS.get(limit) + "=" + value);
                } else {
                    limitsLeft.add(limit + " " + value);
                }
            });
            if (i > 0) {
                out.append('\n');
            }
            out.append("# /etc/systemd/network/10-offloadctl-").append(plan.name()).append(plan.items().size() > 1 ? "-" + (i + 1) : "")
                    .append(".link\n");
            out.append("# udev applies only the first .link file that matches a NIC: this one replaces 99-default.link,\n");
            out.append("# so it repeats its naming policies. Takes effect when the NIC appears (boot, driver reload).\n");
            if (!left.isEmpty()) {
                out.append("# cannot be expressed in a .link file (use the systemd or udev form): ")
                        .append(String.join(" ", left.keySet())).append('\n');
            }
            if (!limitsLeft.isEmpty()) {
                out.append("# size limits a .link file cannot express (use the systemd or udev form): ")
                        .append(String.join(", ", limitsLeft)).append('\n');
            }
            out.append("[Match]\nOriginalName=").append(item.target().interfaceGlob()).append('\n');
            if (!item.target().drivers().isEmpty()) {
                out.append("Driver=").append(String.join(" ", item.target().drivers())).append('\n');
            }
            out.append("\n[Link]\nNamePolicy=keep kernel database onboard slot path\n"
                    + "AlternativeNamesPolicy=database onboard slot path\nMACAddressPolicy=persistent\n");
            lines.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }
}
