package io.offloadctl.model.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.InterfaceReport;

/** Conditions on the node around an interface: its kernel release, the other interfaces it has, its checksum counters. */
final class NodeConditions {

    private NodeConditions() {
    }

    /** The node's kernel release, major and minor, is below (or, with {@code below} false, at least) a version. */
    record Kernel(int major, int minor, boolean below) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            Optional<int[]> release = release(facts.node().kernel());
            if (release.isEmpty()) {
                return Optional.empty();
            }
            int[] r = release.get();
            boolean lower = r[0] < major || r[0] == major && r[1] < minor;
            return lower == below ? Optional.of("kernel " + facts.node().kernel() + (below ? " (below " : " (at least ") + major + "."
                    + minor + ")") : Optional.empty();
        }

        /** "5.4.0-150-generic" → {5, 4}; empty when the text does not start with major.minor. */
        static Optional<int[]> release(String kernel) {
            if (kernel == null) {
                return Optional.empty();
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(kernel);
            return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) : Optional.empty();
        }
    }

    /** The node has an interface of one of these kinds (a tunnel device beside a NIC, say). */
    record HasKinds(Set<InterfaceKind> kinds) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            List<InterfaceReport> found = facts.node().interfaces().stream().filter(i -> kinds.contains(i.kind())).toList();
            return found.isEmpty() ? Optional.empty() : Optional.of("the node has " + found.stream()
                    .map(i -> i.kind() + " " + i.name()).collect(Collectors.joining(", ")));
        }
    }

    /** At least {@code atLeast} TCP segments and UDP datagrams arrived with a bad checksum during the sample. */
    record ChecksumErrors(long atLeast) implements Condition {
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
            if (sample == null || sample.checksumErrors() < atLeast) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "%d segments and datagrams received with a bad checksum (Tcp and Udp "
                    + "InCsumErrors of /proc/net/snmp) over %s", sample.checksumErrors(), Rates.seconds(sample.seconds())));
        }
    }

    /** A port of a bridge or bond whose MTU is below that of another port of the same master: frames from there do not fit. */
    record MtuBelowAnotherPort() implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            String master = facts.iface().master();
            if (master == null) {
                return Optional.empty();
            }
            int mtu = facts.iface().mtu();
            return facts.node().interfaces().stream()
                    .filter(other -> master.equals(other.master()) && !other.name().equals(facts.iface().name()) && other.mtu() > mtu)
                    .findFirst()
                    .map(other -> "MTU " + mtu + ", below port " + other.name() + " of " + master + " (MTU " + other.mtu() + ")");
        }
    }
}
