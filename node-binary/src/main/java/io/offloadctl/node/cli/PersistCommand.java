package io.offloadctl.node.cli;

import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.RingParameter;

import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.ChannelRequest;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureRequestResolver;
import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistPlans;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.persist.PersistTarget;
import io.offloadctl.node.agent.CachedDesired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code offloadctl persist}: renders settings so the host keeps them across reboots and driver reloads. */
@Command(name = "persist", mixinStandardHelpOptions = true,
        description = {"Render offload settings as an artifact that keeps them across reboots and driver reloads: a "
                + "form each --format names (scripts and units, .link files, NetworkManager, TuneD, Talos, Ignition, nmstate "
                + "and Harvester documents). The API renders the same text (same code).",
                "Either the settings given here (IFACE, a glob such as 'eno*' too, then NAME on|off ... as for set) or, "
                + "with --cached, the desired state the agent cached. Changes nothing; prints to standard output or --output.",
                "Example: offloadctl persist --format systemd eno1 gro off gso off --channel combined=8 --ring rx=4096 "
                        + "--coalesce adaptive-rx=on --pause autoneg=off --limit gso_max_size=65536"})
final class PersistCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String format;

    /** The formats, from PersistFormat, for the help text and shell completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PersistFormat.wires().iterator();
        }
    }

    @Parameters(paramLabel = "IFACE NAME on|off", arity = "0..*",
            description = "The interface (or glob) and the settings, as offloadctl set takes them.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "KIND=N", description = "A channel count to persist as well (rx, tx, other, "
            + "combined; as ethtool -L sets it); repeatable: --channel rx=2 --channel tx=2.")
    Map<ChannelKind, Integer> channels = new java.util.EnumMap<>(ChannelKind.class);

    @Option(names = "--limit", paramLabel = "NAME=N", description = "A size limit to persist as well (gso_max_size, gso_max_segs, "
            + "gro_max_size, gso_ipv4_max_size, gro_ipv4_max_size; as ip link sets it); repeatable.")
    Map<String, String> limits = new java.util.LinkedHashMap<>();

    @Option(names = "--ring", paramLabel = "NAME=VALUE", description = "A ring parameter to persist as well (rx, tx, rx-mini, "
            + "rx-jumbo, rx-buf-len, cqe-size, tx-push=on|off; as ethtool -G sets it); repeatable: --ring rx=4096 --ring tx=4096.")
    Map<String, String> rings = new java.util.LinkedHashMap<>();

    @Option(names = "--coalesce", paramLabel = "NAME=VALUE", description = "A coalescing parameter to persist as well "
            + "(rx-usecs, rx-frames, adaptive-rx=on|off, ...; as ethtool -C sets it); repeatable.")
    Map<String, String> coalesce = new java.util.LinkedHashMap<>();

    @Option(names = "--pause", paramLabel = "NAME=on|off", description = "A pause parameter to persist as well (autoneg, rx, "
            + "tx; as ethtool -A sets it); repeatable: --pause autoneg=off --pause rx=off.")
    Map<String, String> pause = new java.util.LinkedHashMap<>();

    @Option(names = "--cached", description = "Render the agent's cached desired state (every enforced setting) instead.")
    boolean cached;

    @Mixin
    CacheOption cache;

    @Mixin
    StrictOption strict;

    @Option(names = "--driver", paramLabel = "DRIVER", description = "Only interfaces bound to this driver; repeatable.")
    List<String> drivers = new ArrayList<>();

    @Option(names = "--tool", paramLabel = "TOOL",
            description = "Apply with offloadctl or ethtool (default: ethtool for harvester-cloudinit, else offloadctl).")
    String tool;

    @Option(names = "--tool-path", paramLabel = "PATH", description = "Where the tool is on the hosts "
            + "(default: /usr/local/bin/offloadctl or /usr/sbin/ethtool).")
    String toolPath;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the artifact (file names, resource name).")
    String name;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PersistFormat chosen = PersistFormat.fromWire(format);
        PersistPlan plan = cached ? cachedPlan() : givenPlan();
        String text = PersistRenderer.of(chosen, PersistPlans.commands(chosen, tool, toolPath)).render(plan);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, text);
            } catch (IOException e) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "cannot write " + output + ": " + e.getMessage(), e);
            }
        }
        return ExitCodes.OK;
    }

    private PersistPlan givenPlan() {
        Map<LinkLimit, Long> sizes = LimitsCommand.parse(pairs(limits));
        sizes.keySet().stream().filter(limit -> !limit.settable()).findFirst().ifPresent(limit -> {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--limit " + limit + ": the driver's maximum, not a setting; "
                    + "the limits that can be set are " + LinkLimit.settableNames());
        });
        Map<RingParameter, Long> ringValues = DriverParametersCommand.parse(RingParameter.values(), "ring parameter", pairs(rings));
        Map<CoalesceParameter, Long> coalesceValues = DriverParametersCommand.parse(CoalesceParameter.values(),
                "coalescing parameter", pairs(coalesce));
        Map<PauseParameter, Long> pauseValues = DriverParametersCommand.parse(PauseParameter.values(), "pause parameter", pairs(pause));
        boolean others = !channels.isEmpty() || !sizes.isEmpty() || !ringValues.isEmpty() || !coalesceValues.isEmpty()
                || !pauseValues.isEmpty();
        if (arguments.isEmpty() || (arguments.size() < 3 && !others)) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "give IFACE and at least one NAME on|off, --channel KIND=N, "
                    + "--limit NAME=N, --ring NAME=VALUE, --coalesce NAME=VALUE or --pause NAME=on|off, or --cached");
        }
        channels.forEach((kind, count) -> {
            if (count < 0 || count > ChannelRequest.MAX_COUNT) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--channel " + kind + "=" + count + ": a channel count is 0 to "
                        + ChannelRequest.MAX_COUNT);
            }
        });
        String target = arguments.get(0);
        Map<String, Boolean> features = arguments.size() < 2 ? Map.of() : FeatureRequestResolver.resolve(
                SettingArguments.parse(arguments.subList(1, arguments.size())), KernelFeatureNames.all(),
                "'offloadctl show' lists the features", strict.mode()).wanted();
        String artifact = name != null ? name : target.replaceAll("[^A-Za-z0-9_.-]", "_");
        return new PersistPlan(artifact, Map.of(), List.of(new PersistPlan.Item(PersistTarget.typed(target, drivers), features, channels,
                sizes, ringValues, coalesceValues, pauseValues)));
    }

    /** NAME=VALUE options as the NAME VALUE pairs the setting verbs take. */
    private static List<String> pairs(Map<String, String> options) {
        List<String> pairs = new ArrayList<>();
        options.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(value);
        });
        return pairs;
    }

    private PersistPlan cachedPlan() {
        if (!arguments.isEmpty() || !drivers.isEmpty() || !channels.isEmpty() || !limits.isEmpty() || !rings.isEmpty()
                || !coalesce.isEmpty() || !pause.isEmpty()) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--cached renders the cached desired state; give no IFACE, settings, "
                    + "--channel, --limit, --ring, --coalesce, --pause or --driver");
        }
        CachedDesired desired = cache.require();
        PersistPlan plan = PersistPlans.forDesired(desired.node(), desired.revision(), desired.interfaces(), 0);
        return name == null ? plan : new PersistPlan(name, plan.nodeLabels(), plan.items(), plan.notes());
    }
}
