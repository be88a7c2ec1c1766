package io.offloadctl.model.diagnose;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a node is a hypervisor host or a virtual-machine guest: from its {@code role} label when
 * it has one ({@code offloadctl.io/role} first), otherwise from its interfaces. Taps and macvtaps are
 * the host side of guests' NICs; the paravirtual drivers are what guests see.
 *
 * @param name   hypervisor, guest, or what the label says
 * @param reason why, for evidence
 */
public record NodeRole(String name, String reason) {

    public static final String HYPERVISOR = "hypervisor";
    public static final String GUEST = "guest";

    private static final Set<String> GUEST_DRIVERS = Set.of("virtio_net", "hv_netvsc", "vmxnet3", "xen-netfront", "ena", "gve");

    public static Optional<NodeRole> of(NodeReport report) {
        for (String label : new String[] {"offloadctl.io/role", "role"}) {
            String value = report.labels().get(label);
            if (value != null && !value.isBlank()) {
                return Optional.of(new NodeRole(value, "label " + label + "=" + value));
            }
        }
        Optional<InterfaceReport> tap = report.interfaces().stream()
                .filter(i -> i.kind() == InterfaceKind.tap || i.kind() == InterfaceKind.macvtap).findFirst();
        if (tap.isPresent()) {
            return Optional.of(new NodeRole(HYPERVISOR, "has " + tap.get().kind() + " " + tap.get().name()));
        }
        return report.interfaces().stream().filter(i -> i.driver() != null && GUEST_DRIVERS.contains(i.driver())).findFirst()
                .map(i -> new NodeRole(GUEST, i.name() + " uses the paravirtual driver " + i.driver()));
    }
}
