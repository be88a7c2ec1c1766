package io.offloadctl.node.cli;

import java.util.Arrays;
import java.util.List;

import io.offloadctl.model.InterfaceNames;
import io.offloadctl.node.kernel.KernelSession;

/**
 * The {@code IFACE[,IFACE...]} argument of set and verify. Linux allows a comma in an interface
 * name and ethtool addresses such an interface by its name, so an argument that names an
 * existing interface is that one interface; otherwise commas separate names.
 */
final class InterfaceTargets {

    private InterfaceTargets() {
    }

    static List<String> parse(String argument, KernelSession session) {
        if (!argument.contains(",")
                || (InterfaceNames.lookupProblem(argument) == null && session.links().named(argument).isPresent())) {
            return List.of(argument);
        }
        return Arrays.stream(argument.split(",", -1)).distinct().toList();
    }
}
