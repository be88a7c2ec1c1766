package io.offloadctl.model.diagnose;

import java.util.Locale;
import java.util.Optional;

/** The node retransmitted at least a share of its TCP segments, and at least some number of them, during a sample. */
record TcpCondition(double retransRatioAtLeast, long retransSegmentsAtLeast) implements Condition {

    @Override
    public boolean needsSample() {
        return true;
    }

    @Override
    public Optional<String> evidence(InterfaceFacts facts) {
        return evidence(facts.sample());
    }

    @Override
    public boolean mayHold(NodeSample sample, String iface) {
        return evidence(sample).isPresent();
    }

    private Optional<String> evidence(NodeSample sample) {
        if (sample == null) {
            return Optional.empty();
        }
        return sample.tcpRetransmissionRatio()
                .filter(ratio -> ratio >= retransRatioAtLeast && sample.tcpRetransmissions() >= retransSegmentsAtLeast)
                .map(ratio -> String.format(Locale.ROOT, "%d of %d TCP segments sent were retransmissions (%.1f%%) over %s",
                        sample.tcpRetransmissions(), sample.tcpSegmentsSent(), ratio * 100, Rates.seconds(sample.seconds())));
    }
}
