package io.offloadctl.model.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Thresholds on an interface's counter rates over a sample; null thresholds are not checked. Never
 * holds without a sample: lifetime totals say nothing about now.
 */
record SampleCondition(Double rxBytesPerSecondAtLeast, Boolean rxDominant, Double rxAveragePacketBelowBytes,
                       Double rxDropsPerSecondAtLeast, Double rxDropRatioAtLeast, Double txPacketsPerSecondAtLeast)
        implements Condition {

    @Override
    public boolean needsSample() {
        return true;
    }

    @Override
    public Optional<String> evidence(InterfaceFacts facts) {
        return facts.rates().flatMap(r -> evidence(r, facts.iface().speedMbps()))
                .map(evidence -> String.join(", ", evidence) + " (over " + Rates.seconds(facts.sample().seconds()) + ")");
    }

    @Override
    public boolean mayHold(NodeSample sample, String iface) {
        InterfaceRates rates = sample == null ? null : sample.interfaces().get(iface);
        return rates != null && evidence(rates, null).isPresent();
    }

    /** The evidence of these rates (on a link of {@code speed} Mb/s, when known), empty when a threshold is not met. */
    private Optional<List<String>> evidence(InterfaceRates r, Integer speed) {
        List<String> evidence = new ArrayList<>();
        if (rxBytesPerSecondAtLeast != null) {
            if (r.rxBytes() < rxBytesPerSecondAtLeast) {
                return Optional.empty();
            }
            evidence.add("receiving " + Rates.bits(r.rxBytes() * 8));
        }
        if (Boolean.TRUE.equals(rxDominant)) {
            if (r.rxBytes() <= r.txBytes()) {
                return Optional.empty();
            }
            evidence.add("more received than sent (" + Rates.bits(r.txBytes() * 8) + " out)");
        }
        if (rxAveragePacketBelowBytes != null) {
            // Bytes, not a share of this interface's MTU: the peers' MSS bounds the frames a bulk receive
            // gets (1,500-byte frames on an MTU 9000 host talking to MTU 1500 clients are full-size).
            double average = r.rxAveragePacketBytes();
            if (r.rxPackets() == 0 || average >= rxAveragePacketBelowBytes) {
                return Optional.empty();
            }
            evidence.add(String.format(Locale.ROOT, "average received packet %.0f bytes (below %.0f)", average, rxAveragePacketBelowBytes));
        }
        if (rxDropsPerSecondAtLeast != null) {
            double refused = r.rxDropped() + r.rxErrors();
            if (refused < rxDropsPerSecondAtLeast) {
                return Optional.empty();
            }
            evidence.add(String.format(Locale.ROOT, "%.1f receive drops/errors per second", refused));
        }
        if (rxDropRatioAtLeast != null) {
            if (r.rxDropRatio() < rxDropRatioAtLeast) {
                return Optional.empty();
            }
            evidence.add(String.format(Locale.ROOT, "%.2f%% of received packets dropped", r.rxDropRatio() * 100));
        }
        if (txPacketsPerSecondAtLeast != null) {
            if (r.txPackets() < txPacketsPerSecondAtLeast) {
                return Optional.empty();
            }
            evidence.add("sending " + Rates.bits(r.txBitsPerSecond())
                    + (speed == null ? "" : " on a " + Rates.bits(speed * 1e6) + " link"));
        }
        return Optional.of(evidence);
    }
}
