package io.offloadctl.node.output;

import io.offloadctl.model.diagnose.InterfaceRates;
import io.offloadctl.model.diagnose.NodeSample;
import io.offloadctl.model.diagnose.Rates;

import java.util.Locale;
import java.util.Map;

/** What doctor --sample measured, for people: per interface with traffic, rates, average packet size and drops. */
public final class SampleText {

    private SampleText() {
    }

    public static String render(NodeSample sample) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "sampled %s:%n", Rates.seconds(sample.seconds())));
        boolean any = false;
        for (Map.Entry<String, InterfaceRates> entry : sample.interfaces().entrySet()) {
            InterfaceRates r = entry.getValue();
            if (r.rxPackets() == 0 && r.txPackets() == 0 && r.rxDropped() == 0 && r.rxErrors() == 0) {
                continue;
            }
            any = true;
            out.append(String.format(Locale.ROOT, "  %-15s rx %s (%.0f packets/s, average %.0f B)  tx %s (%.0f packets/s)  drops+errors %.1f/s%n",
                    entry.getKey(), Rates.bits(r.rxBytes() * 8), r.rxPackets(), r.rxAveragePacketBytes(), Rates.bits(r.txBitsPerSecond()),
                    r.txPackets(), r.rxDropped() + r.rxErrors()));
        }
        if (!any) {
            out.append("  no traffic on any interface\n");
        }
        sample.tcpRetransmissionRatio().ifPresent(ratio -> out.append(String.format(Locale.ROOT,
                "  TCP: %d segments sent, %d of them retransmissions (%.2f%%)%n", sample.tcpSegmentsSent(),
                sample.tcpRetransmissions(), ratio * 100)));
        return out.append('\n').toString();
    }
}
