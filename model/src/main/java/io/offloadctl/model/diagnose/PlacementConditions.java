package io.offloadctl.model.diagnose;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.InterfaceReport;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The conditions on what an interface is and where it sits: driver, kind, node role, master, ports, MTU. */
final class PlacementConditions {

    private PlacementConditions() {
    }

    record Drivers(Set<String> drivers) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            String driver = facts.iface().driver();
            return driver != null && drivers.contains(driver) ? Optional.of("driver " + driver) : Optional.empty();
        }
    }

    record Kinds(Set<InterfaceKind> kinds) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            return kinds.contains(facts.iface().kind()) ? Optional.of("a " + facts.iface().kind() + " interface") : Optional.empty();
        }
    }

    record Roles(Set<String> roles) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            return facts.role().filter(role -> roles.contains(role.name()))
                    .map(role -> "node role " + role.name() + " (" + role.reason() + ")");
        }
    }

    record PortOf(Set<InterfaceKind> masterKinds) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            return facts.masterInterface().filter(master -> masterKinds.contains(master.kind()))
                    .map(master -> "port of " + master.kind() + " " + master.name());
        }
    }

    record HasPortsOf(Set<InterfaceKind> portKinds) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            List<InterfaceReport> matching = facts.ports().stream().filter(p -> portKinds.contains(p.kind())).toList();
            if (matching.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("has ports " + matching.stream().map(p -> p.name() + " (" + p.kind() + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    /**
     * A bridge port, or any interface but loopback on a node that routes IPv4: where the kernel turns
     * LRO off itself (br_add_if, and inet_forward_change when ip_forward is switched on).
     */
    record Forwarding() implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            Optional<InterfaceReport> master = facts.masterInterface().filter(m -> m.kind() == InterfaceKind.bridge);
            if (master.isPresent()) {
                return Optional.of("forwards as a port of " + master.get().kind() + " " + master.get().name());
            }
            if (Boolean.TRUE.equals(facts.node().ipForwarding()) && facts.iface().kind() != InterfaceKind.loopback) {
                return Optional.of("IPv4 forwarding is on (net.ipv4.ip_forward = 1)");
            }
            return Optional.empty();
        }
    }

    record MtuAbove(int bytes) implements Condition {
        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            int mtu = facts.iface().mtu();
            return mtu > bytes ? Optional.of("MTU " + mtu + " (above " + bytes + ")") : Optional.empty();
        }
    }
}
