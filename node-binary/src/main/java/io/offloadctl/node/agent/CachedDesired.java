package io.offloadctl.node.agent;

import java.util.List;

import io.offloadctl.model.policy.DesiredInterface;

/** The last desired state the API sent: what the agent enforces while the API cannot be reached. */
public record CachedDesired(String node, long revision, List<DesiredInterface> interfaces) {

    public CachedDesired {
        interfaces = List.copyOf(interfaces);
    }
}
