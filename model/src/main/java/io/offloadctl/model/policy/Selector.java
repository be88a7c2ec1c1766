package io.offloadctl.model.policy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.InterfaceReport;

/**
 * Which nodes and which of their interfaces a policy applies to. Every part that is given must
 * match; an empty part matches everything. Within a list, any entry may match.
 */
@Schema(description = "Which nodes (by labels) and which interfaces (by name glob, driver, kind, master) a policy applies to. "
        + "Every given part must match; an empty part matches everything.")
public record Selector(
        @Schema(description = "Labels the node must have with exactly these values.", examples = "{\"role\": \"hypervisor\"}") Map<String, String> matchLabels,
        @Schema(description = "Further label requirements, all of which must hold.") List<LabelRequirement> matchExpressions,
        @Schema(description = "Interface name globs (*, ?, [...]); any may match.", examples = "[\"eno*\", \"br0\"]") List<String> interfaces,
        @Schema(description = "Driver names; any may match.", examples = "[\"bnxt_en\"]") List<String> drivers,
        @Schema(description = "Interface kinds; any may match.", examples = "[\"physical\", \"bridge\"]") List<InterfaceKind> kinds,
        @Schema(description = "Globs of the bridge or bond an interface must be a port of; any may match (\"*\": a port of any). "
                + "Interfaces without a master match none.", examples = "[\"br0\"]") List<String> masters) {

    public static final Selector ALL = new Selector(null, null, null, null, null, null);

    public Selector {
        matchLabels = matchLabels == null ? Map.of() : new TreeMap<>(matchLabels);
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        masters = masters == null ? List.of() : List.copyOf(masters);
    }

    /** A selector without master globs. */
    public Selector(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions, List<String> interfaces,
                    List<String> drivers, List<InterfaceKind> kinds) {
        this(matchLabels, matchExpressions, interfaces, drivers, kinds, null);
    }

    public boolean selectsNode(Map<String, String> labels) {
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && matchExpressions.stream().allMatch(requirement -> requirement.matches(labels));
    }

    /** An interface without a driver (loopback, some virtual devices) is selected by no driver list; one without a master by no master list. */
    public boolean selectsInterface(InterfaceReport iface) {
        return (interfaces.isEmpty() || interfaces.stream().anyMatch(glob -> globMatches(glob, iface.name())))
                && (drivers.isEmpty() || iface.driver() != null && drivers.contains(iface.driver()))
                && (kinds.isEmpty() || kinds.contains(iface.kind()))
                && (masters.isEmpty() || iface.master() != null && masters.stream().anyMatch(glob -> globMatches(glob, iface.master())));
    }

    /**
     * Interface name globs: 1 to 64 characters that mean the same in every format a policy is rendered
     * to (udev, networkd, shell case patterns, NetworkManager) and that no shell or unit file reads as
     * syntax; not beginning with '-', which a command would read as an option.
     */
    public static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._@+*?\\[\\]!][A-Za-z0-9._@+*?\\[\\]!-]{0,63}");
    /** Driver names (kernel module names), as ethtool -i prints them. */
    public static final Pattern DRIVER = Pattern.compile("[A-Za-z0-9_-]{1,31}");
    /** Compiled globs: a policy's few globs are matched against every interface of every node it evaluates. */
    private static final Map<String, PathMatcher> MATCHERS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 4096;

    static boolean globMatches(String glob, String name) {
        PathMatcher matcher = MATCHERS.get(glob);
        if (matcher == null) {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (MATCHERS.size() >= MAX_CACHED) {
                MATCHERS.clear();
            }
            MATCHERS.put(glob, matcher);
        }
        return matcher.matches(Path.of(name));
    }
}
