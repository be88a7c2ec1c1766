package io.offloadctl.node.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.settings.ChannelCounts;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.Channels;
import io.offloadctl.node.kernel.ChannelSettings;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.output.ChannelText;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code offloadctl channels IFACE [KIND N ...]}: channels (queues) as {@code ethtool -l} shows and {@code -L} sets them. */
@Command(name = "channels", mixinStandardHelpOptions = true,
        description = {"Show an interface's channels (queues) exactly as 'ethtool -l' does; with KIND N pairs, set "
                + "them as 'ethtool -L' does (kinds not named stay as they are), checked against the driver's maxima first.",
                "KIND is rx, tx, other or combined."},
        footer = {"", "A new channel count restarts the device's queues on many drivers: offloadctl says so before it changes "
                + "them (at a terminal it asks; --yes does not), and --dry-run shows the change without making it.",
                "", "Exit codes (as ethtool -l/-L): 0 done; 1 anything refused (no such interface, no channel "
                + "settings, a count above the maximum, no permission, a change not confirmed)."})
final class ChannelsCommand extends NamespacedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IFACE", description = "The interface.")
    String interfaceName;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KIND N", description = "Counts to set: rx, tx, other, combined.")
    List<String> arguments = new ArrayList<>();

    @picocli.CommandLine.Mixin
    ChangeConfirmation confirmation;

    @Override
    public Integer call() {
        Map<ChannelKind, Integer> wanted = parse(arguments);
        try (KernelSession session = openSession()) {
            String name = interfaceNamed(session, interfaceName);
            ChannelSettings settings = new ChannelSettings(session);
            if (wanted.isEmpty()) {
                Channels channels = settings.read(name);
                out().print(json() ? Json.write(new Json.InterfaceChannels(name, channels)) : ChannelText.render(name, channels));
            } else {
                Channels before = settings.read(name);
                ChannelCounts counts = before.request(name, wanted);
                Map<String, Long> current = new LinkedHashMap<>();
                Map<String, Long> asked = new LinkedHashMap<>();
                wanted.keySet().forEach(kind -> {
                    current.put(kind.argument(), (long) before.current().of(kind));
                    asked.put(kind.argument(), (long) counts.of(kind));
                });
                String change = ChangeConfirmation.describe(current, asked);
                if (!confirmation.proceed(name, "channels", change, ChangeConfirmation.RESTARTS_QUEUES, err())) {
                    out().print(json() ? Json.write(new Json.PlannedChange(name, current, asked))
                            : name + ": channels " + change + " (dry run: nothing changed)\n");
                } else {
                    Channels after = settings.apply(name, wanted);
                    if (json()) {
                        out().print(Json.write(new Json.InterfaceChannels(name, after)));
                    }
                }
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code KIND N} pairs as {@code ethtool -L} takes them; a kind named twice keeps its last count, as there. */
    static Map<ChannelKind, Integer> parse(List<String> arguments) {
        Map<ChannelKind, Integer> wanted = new LinkedHashMap<>();
        SettingArguments.counts(arguments, name -> ChannelKind.named(name).orElseThrow(() -> new OffloadException(
                ErrorKind.INVALID_ARGUMENT, "unknown channel kind '" + name + "'; the kinds are " + ChannelKind.arguments())),
                "a count", 9).forEach((kind, count) -> wanted.put(kind, Math.toIntExact(count)));
        return wanted;
    }
}
