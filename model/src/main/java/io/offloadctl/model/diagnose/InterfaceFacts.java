package io.offloadctl.model.diagnose;

import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

import java.util.List;
import java.util.Optional;

/**
 * Everything a rule may look at for one interface: the interface, its master and ports, the node
 * around it, the counter rates of a sample and what the desired state wants of it.
 */
record InterfaceFacts(InterfaceReport iface, NodeReport node, Optional<NodeRole> role, InterfaceReport master,
                      List<InterfaceReport> ports, NodeSample sample, DesiredInterface desired) {

    Optional<InterfaceRates> rates() {
        return sample == null ? Optional.empty() : Optional.ofNullable(sample.interfaces().get(iface.name()));
    }

    Optional<InterfaceReport> masterInterface() {
        return Optional.ofNullable(master);
    }

    Optional<DesiredInterface> desiredInterface() {
        return Optional.ofNullable(desired);
    }
}
