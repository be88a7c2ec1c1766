package io.offloadctl.node.agent;

import java.util.List;

import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.DesiredStateCalculator;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.Quarantine;

/**
 * The last desired state the API sent, kept on disk: what the agent enforces while the API cannot
 * be reached, and what {@code apply --cached} applies at boot. {@code interfaces} is what the API
 * computed from the node's last report; {@code policies} are the policies selecting the node, from
 * which the agent computes the desired state of interfaces that appeared since. {@code quarantine}
 * is the revision that failed here, if any: it survives restarts, so a crash loop retries nothing.
 */
public record CachedDesired(String node, long revision, long retry, List<DesiredInterface> interfaces, List<Policy> policies,
                            Quarantine quarantine) {

    public CachedDesired {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    public CachedDesired(String node, long revision, List<DesiredInterface> interfaces) {
        this(node, revision, 0, interfaces, List.of(), null);
    }

    /** The desired state of the interfaces the node has now (a cache written before policies were sent: as cached). */
    public List<DesiredInterface> forInterfaces(NodeReport now) {
        return policies.isEmpty() && !interfaces.isEmpty() ? interfaces : DesiredStateCalculator.ofSelected(now.interfaces(), policies).interfaces();
    }

    /** Whether this revision failed here and waits for a new revision or an operator's retry. */
    public boolean quarantined() {
        return quarantine != null && quarantine.holds(revision, retry);
    }

    public CachedDesired withQuarantine(Quarantine held) {
        return new CachedDesired(node, revision, retry, interfaces, policies, held);
    }

    /** Whether {@code other} asks for something else: another revision or another retry. */
    public boolean sameTarget(CachedDesired other) {
        return other != null && other.revision == revision && other.retry == retry;
    }
}
