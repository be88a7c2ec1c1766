package io.offloadctl.model.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Driver statistics (ethtool -S) rising over a sample: the driver's counters that {@code names}
 * match (each name the total of the counters it matches, as agents report them) grew by at least
 * {@code perSecondAtLeast} a second together. Never holds without a sample, nor on a driver that
 * has none of them.
 */
record DriverStatisticCondition(List<String> names, double perSecondAtLeast) implements Condition {

    DriverStatisticCondition {
        names = List.copyOf(names);
    }

    @Override
    public boolean needsSample() {
        return true;
    }

    @Override
    public Optional<String> evidence(InterfaceFacts facts) {
        return facts.rates().flatMap(this::evidence)
                .map(evidence -> evidence + " (over " + Rates.seconds(facts.sample().seconds()) + ")");
    }

    @Override
    public boolean mayHold(NodeSample sample, String iface) {
        InterfaceRates rates = sample == null ? null : sample.interfaces().get(iface);
        return rates != null && evidence(rates).isPresent();
    }

    private Optional<String> evidence(InterfaceRates rates) {
        double total = 0;
        List<String> rising = new ArrayList<>();
        for (String name : names) {
            Double rate = rates.driverStatistics().get(name);
            if (rate != null) {
                total += rate;
                if (rate > 0) {
                    rising.add(String.format(Locale.ROOT, "%s %.1f/s", name, rate));
                }
            }
        }
        if (rising.isEmpty() || total < perSecondAtLeast) {
            return Optional.empty();
        }
        return Optional.of("driver statistics rising: " + String.join(", ", rising) + " (ethtool -S)");
    }
}
