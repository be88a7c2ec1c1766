package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shipped units are unit syntax, and their command lines are ones offloadctl accepts. */
class SystemdUnitsTest {

    static final Path UNITS = Path.of("src/main/systemd");

    static Map<String, Map<String, List<String>>> parse(Path unit) throws Exception {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : Files.readAllLines(unit)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = sections.computeIfAbsent(l.substring(1, l.length() - 1), k -> new LinkedHashMap<>());
            } else {
                int eq = l.indexOf('=');
                assertTrue(current != null && eq > 0, unit + ": not unit syntax: " + line);
                current.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>()).add(l.substring(eq + 1));
            }
        }
        return sections;
    }

    /** The arguments after the program, with systemd's variables given example values. */
    static String[] arguments(String execStart) {
        String expanded = execStart.replace("${OFFLOADCTL_SERVER}", "http://api.example:8080")
                .replace("$OFFLOADCTL_AGENT_ARGS", "--label role=hypervisor");
        List<String> words = new ArrayList<>(Arrays.asList(expanded.split("\\s+")));
        assertEquals("/usr/local/bin/offloadctl", words.remove(0));
        return words.toArray(String[]::new);
    }

    @Test
    void applyRunsEarlyAndAgentRunsAfterTheNetwork() throws Exception {
        Map<String, Map<String, List<String>>> apply = parse(UNITS.resolve("offloadctl-apply.service"));
        assertEquals(List.of("oneshot"), apply.get("Service").get("Type"));
        assertEquals(List.of("no"), apply.get("Unit").get("DefaultDependencies"));
        assertTrue(apply.get("Unit").get("Before").get(0).contains("network-pre.target"));
        Cli.commandLine().parseArgs(arguments(apply.get("Service").get("ExecStart").get(0)));

        Map<String, Map<String, List<String>>> agent = parse(UNITS.resolve("offloadctl-agent.service"));
        assertEquals(List.of("always"), agent.get("Service").get("Restart"));
        assertTrue(agent.get("Unit").get("After").get(0).contains("offloadctl-apply.service"));
        var parsed = Cli.commandLine().parseArgs(arguments(agent.get("Service").get("ExecStart").get(0)));
        assertEquals("agent", parsed.subcommand().commandSpec().name());
        assertTrue(parsed.subcommand().hasMatchedOption("--token-file"));
    }
}
