package io.offloadctl.node.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;


import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.EnforcementPlanner;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.node.agent.CachedDesired;
import io.offloadctl.node.agent.DesiredStateEnforcer;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NodeStateReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code offloadctl apply --cached}: enforce the cached desired state, without the API (early boot). */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply the desired state the agent cached last, without the API: meant for early boot, before the "
                + "network (and the API) can be reached. Enforce-mode features only, all-or-nothing; the cached policies "
                + "select among the interfaces there are now. A revision that failed on this node is not applied.",
                "Exit codes: 0 the node is as desired; 1 no cache, or a change failed (everything was put back)."})
final class ApplyCommand extends NamespacedCommand implements Callable<Integer> {

    @Option(names = "--cached", required = true, description = "Apply the cached desired state (the only source so far).")
    boolean cached;

    @Mixin
    CacheOption cache;

    @Override
    public Integer call() {
        CachedDesired desired = cache.require();
        if (desired.quarantined()) {
            err().println("offloadctl: revision " + desired.revision() + " of " + desired.node() + " failed on this node and is "
                    + "held back (" + desired.quarantine().reason() + "); nothing applied");
            err().flush();
            return ExitCodes.FAILURE;
        }
        try (KernelSession session = openSession()) {
            DesiredStateEnforcer enforcer = new DesiredStateEnforcer(session);
            // The interfaces there are now, the tap of a VM started since the last report among them.
            NodeStateReader reader = new NodeStateReader(session);
            NodeReport now = reader.read(Map.of(), null);
            List<DesiredInterface> wanted = desired.forInterfaces(now);
            Map<String, SettingsRequest> plan = EnforcementPlanner.plan(wanted, now);
            if (plan.isEmpty()) {
                out().println("as desired (revision " + desired.revision() + " of " + desired.node() + ")");
            } else {
                enforcer.apply(plan);
                out().println("applied revision " + desired.revision() + " of " + desired.node() + ": "
                        + DesiredStateEnforcer.describe(plan));
            }
            out().flush();
            return EnforcementPlanner.plan(wanted, reader.read(Map.of(), null)).isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
