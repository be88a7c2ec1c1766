package io.offloadctl.model.persist;

/** Renders a plan as one persistence artifact. */
public interface PersistRenderer {

    String render(PersistPlan plan);

    /** The renderer for a format, refusing what it cannot carry safely (RenderSafety); commands call {@code offloadctlPath} or, for Harvester, ethtool as Harvester ships it. */
    static PersistRenderer of(PersistFormat format, PersistCommands commands) {
        PersistRenderer renderer = switch (format) {
            case HARVESTER_CLOUDINIT -> new HarvesterCloudInitRenderer(commands);
            case SYSTEMD -> new SystemdUnitRenderer(commands);
            case NETWORKD -> new NetworkdLinkRenderer();
            case NETWORKMANAGER -> new NetworkManagerRenderer();
            case NETWORKMANAGER_KEYFILE -> new NetworkManagerKeyfileRenderer();
            case TUNED -> new TunedProfileRenderer();
            case TALOS -> new TalosEthernetConfigRenderer();
            case IGNITION -> new IgnitionRenderer();
            case NMSTATE -> new NmstatePolicyRenderer();
            case UDEV -> new UdevRuleRenderer(commands);
            case SHELL -> new ShellScriptRenderer(commands);
        };
        return plan -> {
            RenderSafety.check(plan, format);
            return renderer.render(plan);
        };
    }
}
