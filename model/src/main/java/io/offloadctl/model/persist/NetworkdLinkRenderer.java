package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.RingParameter;

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

    /** systemd.link [Link] keys (systemd 252) by the ring parameter they set; rx_buf_len, cqe_size and tx_push have none. */
    private static final Map<RingParameter, String> RING_KEYS = Map.of(RingParameter.rx, "RxBufferSize",
            RingParameter.rx_mini, "RxMiniBufferSize", RingParameter.rx_jumbo, "RxJumboBufferSize", RingParameter.tx, "TxBufferSize");

    /**
     * systemd.link [Link] keys (systemd 252) by the coalescing parameter they set, each with the unit its
     * value takes: the *Sec= keys are time spans (a bare number would be seconds), so microseconds say
     * "us"; the CQE modes have none.
     */
    private static final Map<CoalesceParameter, String> COALESCE_KEYS = coalesceKeys();

    /** systemd.link [Link] keys (booleans, systemd 246 and later) by the pause parameter they set: every one has its key. */
    private static final Map<PauseParameter, String> PAUSE_KEYS = Map.of(PauseParameter.autoneg, "AutoNegotiationFlowControl",
            PauseParameter.rx, "RxFlowControl", PauseParameter.tx, "TxFlowControl");

    private static Map<CoalesceParameter, String> coalesceKeys() {
        Map<CoalesceParameter, String> keys = new java.util.EnumMap<>(CoalesceParameter.class);
        keys.put(CoalesceParameter.rx_usecs, "RxCoalesceSec=%dus");
        keys.put(CoalesceParameter.rx_frames, "RxMaxCoalescedFrames=%d");
        keys.put(CoalesceParameter.rx_usecs_irq, "RxCoalesceIrqSec=%dus");
        keys.put(CoalesceParameter.rx_frames_irq, "RxMaxCoalescedIrqFrames=%d");
        keys.put(CoalesceParameter.tx_usecs, "TxCoalesceSec=%dus");
        keys.put(CoalesceParameter.tx_frames, "TxMaxCoalescedFrames=%d");
        keys.put(CoalesceParameter.tx_usecs_irq, "TxCoalesceIrqSec=%dus");
        keys.put(CoalesceParameter.tx_frames_irq, "TxMaxCoalescedIrqFrames=%d");
        keys.put(CoalesceParameter.stats_block_usecs, "StatisticsBlockCoalesceSec=%dus");
        keys.put(CoalesceParameter.adaptive_rx, "UseAdaptiveRxCoalesce=%s");
        keys.put(CoalesceParameter.adaptive_tx, "UseAdaptiveTxCoalesce=%s");
        keys.put(CoalesceParameter.pkt_rate_low, "CoalescePacketRateLow=%d");
        keys.put(CoalesceParameter.rx_usecs_low, "RxCoalesceLowSec=%dus");
        keys.put(CoalesceParameter.rx_frames_low, "RxMaxCoalescedLowFrames=%d");
        keys.put(CoalesceParameter.tx_usecs_low, "TxCoalesceLowSec=%dus");
        keys.put(CoalesceParameter.tx_frames_low, "TxMaxCoalescedLowFrames=%d");
        keys.put(CoalesceParameter.pkt_rate_high, "CoalescePacketRateHigh=%d");
        keys.put(CoalesceParameter.rx_usecs_high, "RxCoalesceHighSec=%dus");
        keys.put(CoalesceParameter.rx_frames_high, "RxMaxCoalescedHighFrames=%d");
        keys.put(CoalesceParameter.tx_usecs_high, "TxCoalesceHighSec=%dus");
        keys.put(CoalesceParameter.tx_frames_high, "TxMaxCoalescedHighFrames=%d");
        keys.put(CoalesceParameter.sample_interval, "CoalescePacketRateSampleIntervalSec=%ds");
        return keys;
    }

    /** The key's line for a value: on/off parameters as yes/no. */
    private static String line(String format, DriverParameter parameter, long value) {
        return parameter.onOff() ? String.format(format, value != 0 ? "yes" : "no") : String.format(format, value);
    }

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

    /** One .link file: where it goes and what it says. */
    record LinkFile(String path, String text) {
    }

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder(plan.noteComments());
        List<LinkFile> files = files(plan);
        for (int i = 0; i < files.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(files.get(i).text());
        }
        return out.toString();
    }

    /** The plan's .link files, one per item (without the plan's notes). */
    List<LinkFile> files(PersistPlan plan) {
        List<LinkFile> files = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            StringBuilder out = new StringBuilder();
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
            item.rings().forEach((parameter, value) -> {
                if (RING_KEYS.containsKey(parameter)) {
                    lines.add(RING_KEYS.get(parameter) + "=" + value);
                } else {
                    limitsLeft.add("rings." + parameter + " " + value);
                }
            });
            item.coalesce().forEach((parameter, value) -> {
                if (COALESCE_KEYS.containsKey(parameter)) {
                    lines.add(line(COALESCE_KEYS.get(parameter), parameter, value));
                } else {
                    limitsLeft.add("coalesce." + parameter + " " + value);
                }
            });
            item.pause().forEach((parameter, value) -> lines.add(PAUSE_KEYS.get(parameter) + "=" + (value != 0 ? "yes" : "no")));
            String path = "/etc/systemd/network/10-offloadctl-" + plan.name() + (plan.items().size() > 1 ? "-" + (i + 1) : "") + ".link";
            out.append("# ").append(path).append('\n');
            out.append("# udev applies only the first .link file that matches a NIC: this one replaces 99-default.link,\n");
            out.append("# so it repeats its naming policies. Takes effect when the NIC appears (boot, driver reload).\n");
            if (!left.isEmpty()) {
                out.append("# cannot be expressed in a .link file (use the systemd or udev form): ")
                        .append(String.join(" ", left.keySet())).append('\n');
            }
            if (!limitsLeft.isEmpty()) {
                out.append("# settings a .link file cannot express (use the systemd or udev form): ")
                        .append(String.join(", ", limitsLeft)).append('\n');
            }
            out.append("[Match]\nOriginalName=").append(item.target().interfaceGlob()).append('\n');
            if (!item.target().drivers().isEmpty()) {
                out.append("Driver=").append(String.join(" ", item.target().drivers())).append('\n');
            }
            out.append("\n[Link]\nNamePolicy=keep kernel database onboard slot path\n"
                    + "AlternativeNamesPolicy=database onboard slot path\nMACAddressPolicy=persistent\n");
            lines.forEach(line -> out.append(line).append('\n'));
            files.add(new LinkFile(path, out.toString()));
        }
        return files;
    }
}
