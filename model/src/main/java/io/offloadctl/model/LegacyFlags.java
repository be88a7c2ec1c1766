package io.offloadctl.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one table of ethtool's legacy offload names, in ethtool's order (which is also the order
 * {@code ethtool -k} prints them in). Everything that expands or groups legacy names reads it.
 */
public final class LegacyFlags {

    /** udp-fragmentation-offload: kept for expansion, never printed (no kernel with ETHTOOL_*FEATURES has UFO). */
    public static final String UFO = "ufo";

    private static final List<LegacyFlag> TABLE = List.of(
            new LegacyFlag("rx", "rx-checksumming", "rx-checksum"),
            new LegacyFlag("tx", "tx-checksumming", "tx-checksum-*"),
            new LegacyFlag("sg", "scatter-gather", "tx-scatter-gather*"),
            new LegacyFlag("tso", "tcp-segmentation-offload", "tx-tcp*-segmentation"),
            new LegacyFlag(UFO, "udp-fragmentation-offload", "tx-udp-fragmentation"),
            new LegacyFlag("gso", "generic-segmentation-offload", "tx-generic-segmentation"),
            new LegacyFlag("gro", "generic-receive-offload", "rx-gro"),
            new LegacyFlag("lro", "large-receive-offload", "rx-lro"),
            new LegacyFlag("rxvlan", "rx-vlan-offload", "rx-vlan-hw-parse"),
            new LegacyFlag("txvlan", "tx-vlan-offload", "tx-vlan-hw-insert"),
            new LegacyFlag("ntuple", "ntuple-filters", "rx-ntuple-filter"),
            new LegacyFlag("rxhash", "receive-hashing", "rx-hashing"));

    private LegacyFlags() {
    }

    /** Every flag, in ethtool's order. */
    public static List<LegacyFlag> all() {
        return TABLE;
    }

    /** The flag a command-line or REST argument names by its short or long name. */
    public static Optional<LegacyFlag> named(String argument) {
        return TABLE.stream().filter(flag -> flag.isNamed(argument)).findFirst();
    }

    /**
     * The kernel names among {@code known} that a name stands for: every member of a legacy group
     * (as ethtool -K expands it), or the kernel name itself; empty when none is known.
     */
    public static List<String> members(String nameOrLegacy, Collection<String> known) {
        Optional<LegacyFlag> legacy = named(nameOrLegacy);
        if (legacy.isPresent()) {
            return known.stream().filter(legacy.get()::matches).toList();
        }
        return known.contains(nameOrLegacy) ? List.of(nameOrLegacy) : List.of();
    }

    /**
     * The short name of the flag that stands for exactly this one feature ({@code gro} for rx-gro):
     * the name tools that read {@code ethtool -k}'s unindented lines know it by (TuneD, NetworkManager).
     */
    public static Optional<String> soleShortName(String kernelName) {
        return TABLE.stream().filter(flag -> flag.kernelPattern().equals(kernelName)).map(LegacyFlag::shortName).findFirst();
    }

    /**
     * Whether {@code ethtool -k} prints this feature indented, under a group's long name
     * ({@code tx-tcp-segmentation} under tcp-segmentation-offload): a member of a group with a wildcard.
     */
    public static boolean printedInGroup(String kernelName) {
        return groupOf(kernelName).filter(flag -> flag.kernelPattern().contains("*")).isPresent();
    }

    /** The flag whose pattern a kernel feature string matches first, as ethtool groups them. */
    public static Optional<LegacyFlag> groupOf(String kernelName) {
        return TABLE.stream().filter(flag -> flag.matches(kernelName)).findFirst();
    }
}
