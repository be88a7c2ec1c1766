package io.offloadctl.node.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureRequestResolver;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.Setting;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.FeatureReader;
import io.offloadctl.node.kernel.FeatureWriter;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.SetOutcome;
import io.offloadctl.node.output.ChangeText;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code offloadctl set IFACE NAME on|off ...}: changes features as {@code ethtool -K} does. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Turn offload features on or off, as 'ethtool -K' does, with one ETHTOOL_SFEATURES call, "
                + "then read them again and report what actually changed.",
                "NAME is a legacy name (rx tx sg tso gso gro lro rxvlan txvlan ntuple rxhash, or the long names "
                + "ethtool -k prints) or a kernel feature name such as rx-gro.",
                "Several interfaces, comma-separated, change all-or-nothing: if one fails, all are put back "
                + "(an existing interface whose name has a comma is that interface, as ethtool has it)."},
        footer = {"", "Exit codes (as ethtool -K): 0 done; 1 no requested feature could be changed, or bad arguments "
                + "(usage errors too); "
                + "92 refused (no such interface or feature, fixed by the kernel, no permission)."})
final class SetCommand extends NamespacedCommand implements Callable<Integer>, ErrorExitCodes {

    @Option(names = "--dry-run", description = "Show what would change and change nothing.")
    boolean dryRun;

    @Mixin
    StrictOption strict;

    @Parameters(index = "0", paramLabel = "IFACE[,IFACE...]", description = "The interface(s) to change.")
    String targets;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME on|off",
            description = "Features and values (none: nothing changes, as with ethtool -K IFACE).")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        try (KernelSession session = openSession()) {
            List<String> interfaceNames = InterfaceTargets.parse(targets, session).stream()
                    .map(given -> interfaceNamed(session, given)).distinct().toList();
            // no feature name starts with '-': one where a name goes is a mistyped option
            IntStream.range(0, arguments.size()).filter(i -> i % 2 == 0).mapToObj(arguments::get)
                    .filter(a -> a.startsWith("-")).findFirst().ifPresent(a -> {
                        throw mistypedOption(a);
                    });
            List<Setting> settings = SettingArguments.parse(arguments);
            FeatureReader reader = new FeatureReader(session);
            Map<String, FeatureTable> before = new LinkedHashMap<>();
            Map<String, FeatureRequest> requests = new LinkedHashMap<>();
            for (String name : interfaceNames) {
                FeatureTable table = reader.read(name);
                before.put(name, table);
                requests.put(name, FeatureRequestResolver.resolve(settings, table, strict.mode()));
            }
            if (dryRun) {
                return printPlans(before, requests);
            }
            List<SetOutcome> outcomes = interfaceNames.size() == 1
                    ? List.of(new FeatureWriter(session).apply(before.get(interfaceNames.get(0)),
                            requests.get(interfaceNames.get(0))))
                    : new AllOrNothingApplier(session).applyFeatures(requests);
            return printOutcomes(outcomes);
        }
    }

    private int printPlans(Map<String, FeatureTable> before, Map<String, FeatureRequest> requests) {
        PrintWriter out = out();
        before.forEach((name, table) -> {
            var plan = requests.get(name).plan(table);
            out.print(json() ? Json.write(Map.of("interface", name, "wouldChange", plan))
                    : ChangeText.renderPlan(name, plan));
        });
        out.flush();
        return ExitCodes.OK;
    }

    private int printOutcomes(List<SetOutcome> outcomes) {
        PrintWriter out = out();
        PrintWriter err = err();
        boolean allFailed = true;
        for (SetOutcome outcome : outcomes) {
            boolean nothingChanged = outcome.nothingChanged();
            allFailed &= nothingChanged;
            if (json()) {
                out.print(Json.write(Json.SetResult.of(outcome)));
                continue;
            }
            String text = ChangeText.render(outcome.report());
            if (outcomes.size() > 1 && !text.isEmpty()) {
                out.print(outcome.interfaceName() + ":\n");
            }
            out.print(text);
            if (nothingChanged) {
                out.flush();
                err.println(outcomes.size() > 1 ? outcome.interfaceName() + ": " + ChangeText.NOTHING_CHANGED
                        : ChangeText.NOTHING_CHANGED);
            }
        }
        out.flush();
        err.flush();
        return allFailed ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    @Override
    public int exitCodeFor(ErrorKind kind) {
        return ExitCodes.forSetError(kind);
    }

    /** ethtool -K's "bad command line argument(s)" exits 1. */
    @Override
    public int usageExitCode() {
        return ExitCodes.FAILURE;
    }
}
