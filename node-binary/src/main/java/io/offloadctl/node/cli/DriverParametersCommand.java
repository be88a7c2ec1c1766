package io.offloadctl.node.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.NameSuggestions;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NetlinkSettings;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Parameters;

/**
 * A verb for one kind of driver parameters (rings, coalescing, pause): {@code VERB IFACE} shows them as
 * ethtool's lower-case option does, {@code VERB IFACE NAME VALUE ...} sets them as its upper-case
 * option does (the others stay; nothing printed but with {@code --json}), with ethtool's exit codes:
 * 1 for a command line it cannot take, {@link #refusedExitCode()} for a change the driver refuses.
 *
 * @param <P> the kind's parameters
 */
abstract class DriverParametersCommand<P extends Enum<P> & DriverParameter> extends NamespacedCommand implements Callable<Integer>, ErrorExitCodes {

    @Parameters(index = "0", paramLabel = "IFACE", description = "The interface.")
    String interfaceName;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME VALUE", description = "Parameters to set.")
    List<String> arguments = new ArrayList<>();

    @picocli.CommandLine.Mixin
    ChangeConfirmation confirmation;

    /**
     * What a change does to traffic on many drivers, said before it is made (rings restart the
     * queues, pause renegotiates the link); null when nothing (coalescing).
     */
    abstract String disruption();

    /** Whether the command line was taken and a change asked of the driver: its failures are refusals. */
    private boolean changing;

    /** What these parameters are called in messages: "ring parameter". */
    abstract String what();

    abstract NetlinkSettings<P> settings(KernelSession session);

    /** Every parameter of the kind, in ethtool's order. */
    abstract P[] parameters();

    /** The values as ethtool prints them; {@code session} for what else that output reads (pause: the negotiated result). */
    abstract String render(KernelSession session, String interfaceName, Map<P, Long> values);

    abstract Object json(KernelSession session, String interfaceName, Map<P, Long> values);

    /** ethtool's exit code when the driver refuses a change (or it cannot be asked). */
    abstract int refusedExitCode();

    @Override
    public Integer call() {
        Map<P, Long> wanted = parse(parameters(), what(), arguments);
        changing = !wanted.isEmpty();
        try (KernelSession session = openSession()) {
            String name = interfaceNamed(session, interfaceName);
            NetlinkSettings<P> settings = settings(session);
            if (!wanted.isEmpty()) {
                Map<P, Long> before = settings.read(name);
                Map<String, Long> current = new java.util.LinkedHashMap<>();
                Map<String, Long> asked = new java.util.LinkedHashMap<>();
                wanted.forEach((parameter, value) -> {
                    parameter.refusal(name, value, before).ifPresent(why -> {
                        throw new OffloadException(ErrorKind.INVALID_ARGUMENT, why);
                    });
                    current.put(parameter.argument(), before.get(parameter));
                    asked.put(parameter.argument(), value);
                });
                String change = ChangeConfirmation.describe(current, asked);
                boolean proceed = disruption() != null ? confirmation.proceed(name, what() + "s", change, disruption(), err())
                        : !confirmation.dryRun;
                if (!proceed) {
                    out().print(json() ? Json.write(new Json.PlannedChange(name, current, asked))
                            : name + ": " + change + " (dry run: nothing changed)\n");
                    out().flush();
                    return ExitCodes.OK;
                }
            }
            // checked above against what was read: one SET, then the read it reports
            Map<P, Long> values = wanted.isEmpty() ? settings.read(name) : settings.set(name, wanted);
            if (json()) {
                out().print(Json.write(json(session, name, values)));
            } else if (wanted.isEmpty()) {
                out().print(render(session, name, values));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    /**
     * {@code NAME VALUE} pairs of one kind's settable parameters by ethtool's names ({@code rx-usecs 8
     * adaptive-rx off}); an unknown name is refused with the closest ones and the list.
     */
    static <P extends Enum<P> & DriverParameter> Map<P, Long> parse(P[] parameters, String what, List<String> arguments) {
        Map<String, P> settable = new java.util.LinkedHashMap<>();
        for (P parameter : parameters) {
            if (parameter.settable()) {
                settable.put(parameter.argument(), parameter);
            }
        }
        return SettingArguments.parameters(arguments, name -> {
            P parameter = settable.get(name);
            if (parameter == null) {
                List<String> closest = NameSuggestions.closest(name, settable.keySet());
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "unknown " + what + " '" + name + "'"
                        + (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?")
                        + " The " + what + "s that can be set are " + String.join(", ", settable.keySet()));
            }
            return parameter;
        }, DriverParameter::onOff);
    }

    @Override
    public int exitCodeFor(ErrorKind kind) {
        return changing ? refusedExitCode() : ExitCodes.FAILURE;
    }

    @Override
    public int usageExitCode() {
        return ExitCodes.FAILURE;
    }
}
