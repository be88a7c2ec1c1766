package io.offloadctl.node.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.NameSuggestions;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.node.ffi.LinkRecord;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.LinkLimits;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code offloadctl limits IFACE [NAME N ...]}: the GSO/GRO size limits as {@code ip -d link} shows and {@code ip link set} sets them. */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = {"Show an interface's segmentation (GSO/TSO) and aggregation (GRO) size limits, the values "
                + "'ip -d link show' prints; with NAME N pairs, set them as 'ip link set dev IFACE NAME N' does.",
                "NAME is gso_max_size, gso_max_segs, gro_max_size, gso_ipv4_max_size or gro_ipv4_max_size; tso_max_size "
                        + "and tso_max_segs are the driver's maxima and only shown."},
        footer = {"", "Exit codes: 0 done; 1 anything refused (no such interface, an unknown name, a value the kernel "
                + "refuses, no permission)."})
final class LimitsCommand extends NamespacedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IFACE", description = "The interface.")
    String interfaceName;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME N", description = "Limits to set.")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        Map<LinkLimit, Long> wanted = parse(arguments);
        try (KernelSession session = openSession()) {
            LinkRecord link = linkNamed(session, interfaceName);
            String name = link.name();
            Map<LinkLimit, Long> now = wanted.isEmpty() ? link.limits() : new LinkLimits(session).apply(link, wanted);
            if (json()) {
                out().print(Json.write(new Json.InterfaceLimits(name, now)));
            } else if (wanted.isEmpty()) {
                out().println(LinkLimits.describe(now));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code NAME N} pairs; a name given twice keeps its last value, as ip link takes it. */
    static Map<LinkLimit, Long> parse(List<String> arguments) {
        Map<LinkLimit, Long> wanted = new EnumMap<>(LinkLimit.class);
        wanted.putAll(SettingArguments.counts(arguments, name -> LinkLimit.named(name).orElseThrow(() -> {
            List<String> closest = NameSuggestions.closest(name, java.util.Arrays.stream(LinkLimit.values()).map(Enum::name).toList());
            return new OffloadException(ErrorKind.INVALID_ARGUMENT, "unknown limit '" + name + "'"
                    + (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?")
                    + " The limits that can be set are " + LinkLimit.settableNames());
        }), "a size", 10));
        return wanted;
    }
}
