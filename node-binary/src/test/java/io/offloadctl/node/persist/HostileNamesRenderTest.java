package io.offloadctl.node.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.persist.PersistCommands;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.persist.PersistTarget;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/**
 * Interface names the kernel accepts but a shell or a unit file would read as syntax, rendered in
 * every format: the shell forms run for real (in a test namespace, with a recorder in place of the
 * tool and of nmcli) and hand the tool exactly the name, with nothing else run; the unit-file forms
 * either carry a name verbatim where their own parser reads it back, or refuse it with the reason.
 */
@Tag("ffi")
class HostileNamesRenderTest {

    /** Each is a valid kernel interface name (1-15 bytes, no '/', ':' or white space). */
    static final List<String> HOSTILE = List.of("x;touch${IFS}Z", "$(touch${IFS}Z)", "`touch${IFS}Z`", "a'b\"c", "a\\b",
            "e*", "%k%n$$", "x|touch${IFS}Z", "a&&touch${IFS}Z", "#c", "~", "-x");

    TestNamespace lab;
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        lab = TestNamespace.create("hostile");
        dir = Files.createTempDirectory("offloadctl-hostile");
        for (String name : HOSTILE) {
            assertEquals(null, InterfaceNames.problem(name), name);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        lab.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static PersistPlan plan(String name) {
        return new PersistPlan("hostile", Map.of("role", "hypervisor"),
                List.of(new PersistPlan.Item(PersistTarget.named(name), Map.of("rx-gro", false, "tx-generic-segmentation", false))));
    }

    @Test
    void theShellFormHandsTheToolExactlyTheNameAndRunsNothingElse() throws Exception {
        Path recorder = recorder("tool");
        for (String name : HOSTILE) {
            if (name.startsWith("-")) {
                assertRefused(PersistFormat.SHELL, name, "begins with '-'");
                continue;
            }
            String script = PersistRenderer.of(PersistFormat.SHELL, PersistCommands.offloadctl(recorder.toString())).render(plan(name));
            List<String> args = runAndRecord(script, "tool");
            assertEquals(List.of("set", name, "gso", "off", "gro", "off"), args, script);
        }
    }

    @Test
    void theNetworkManagerFormHandsNmcliExactlyTheName() throws Exception {
        recorder("nmcli");
        for (String name : HOSTILE) {
            if (name.startsWith("-")) {
                assertRefused(PersistFormat.NETWORKMANAGER, name, "begins with '-'");
                continue;
            }
            String script = PersistRenderer.of(PersistFormat.NETWORKMANAGER, PersistCommands.offloadctl("unused")).render(plan(name));
            List<String> args = runAndRecord(script, "nmcli");
            // device show NAME, then connection modify CONN ... and device reapply NAME
            assertEquals(List.of("-g", "GENERAL.CONNECTION", "device", "show", name), args.subList(0, 5), script);
            assertEquals(List.of("device", "reapply", name), args.subList(args.size() - 3, args.size()), script);
        }
    }

    @Test
    void harvesterYamlCarriesTheQuotedCommandWhichTheShellReadsBackExactly() throws Exception {
        Path recorder = recorder("tool");
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions()));
        for (String name : HOSTILE) {
            if (name.startsWith("-")) {
                assertRefused(PersistFormat.HARVESTER_CLOUDINIT, name, "begins with '-'");
                continue;
            }
            String resource = PersistRenderer.of(PersistFormat.HARVESTER_CLOUDINIT, PersistCommands.ethtool(recorder.toString()))
                    .render(plan(name));
            Map<String, Object> parsed = yaml.load(resource);
            @SuppressWarnings("unchecked")
            String contents = (String) ((Map<String, Object>) parsed.get("spec")).get("contents");
            Map<String, Map<String, List<Map<String, List<String>>>>> stages = yaml.load(contents);
            List<String> commands = stages.get("stages").get("network").get(0).get("commands");
            assertEquals(1, commands.size(), resource);
            List<String> args = runAndRecord(commands.get(0) + "\n", "tool");
            assertEquals(List.of("-K", name, "gso", "off", "gro", "off"), args, resource);
        }
    }

    @Test
    void unitFilesCarryOnlyPlainNamesAndSayWhyNot() throws Exception {
        for (PersistFormat format : List.of(PersistFormat.SYSTEMD, PersistFormat.UDEV, PersistFormat.NETWORKD,
                PersistFormat.NETWORKMANAGER_KEYFILE, PersistFormat.TUNED, PersistFormat.TALOS, PersistFormat.IGNITION,
                PersistFormat.NMSTATE)) {
            for (String name : HOSTILE) {
                assertRefused(format, name, name.startsWith("-") ? "begins with '-'" : "cannot carry it safely");
            }
            String plain = PersistRenderer.of(format, PersistCommands.offloadctl("/bin/true")).render(plan("enp3s0f1.100"));
            assertTrue(plain.contains("enp3s0f1.100"), plain);
        }
        // What systemd itself reads from the unit: the command line as written, for a plain name.
        Path unit = dir.resolve("offloadctl-hostile.service");
        Files.writeString(unit, PersistRenderer.of(PersistFormat.SYSTEMD, PersistCommands.offloadctl("/bin/true"))
                .render(plan("veth@1")));
        Shell.Result verify = Shell.run("systemd-analyze", "verify", "--man=no", unit.toString());
        assertEquals(0, verify.exitCode(), verify.toString());
    }

    @Test
    void policyGlobsOutsideTheVocabularyAreRefusedEverywhere() {
        for (PersistFormat format : PersistFormat.values()) {
            for (String glob : List.of("e*;reboot", "$(x)*", "-e*", "a b*")) {
                PersistPlan plan = new PersistPlan("p", Map.of(), List.of(new PersistPlan.Item(PersistTarget.matching(glob, List.of()),
                        Map.of("rx-gro", false))));
                OffloadException refused = assertThrows(OffloadException.class,
                        () -> PersistRenderer.of(format, PersistCommands.offloadctl("/bin/true")).render(plan), format + " " + glob);
                assertTrue(refused.getMessage().contains("interface glob"), refused.getMessage());
            }
            PersistPlan badDriver = new PersistPlan("p", Map.of(), List.of(new PersistPlan.Item(
                    PersistTarget.matching("e*", List.of("x) touch Z ;; *")), Map.of("rx-gro", false))));
            assertThrows(OffloadException.class, () -> PersistRenderer.of(format, PersistCommands.offloadctl("/bin/true")).render(badDriver));
            PersistPlan badLabel = new PersistPlan("p", Map.of("role", "x'\n  evil: true"), List.of(new PersistPlan.Item(
                    PersistTarget.matching("e*", List.of()), Map.of("rx-gro", false))));
            assertThrows(OffloadException.class, () -> PersistRenderer.of(format, PersistCommands.offloadctl("/bin/true")).render(badLabel));
        }
    }

    private static void assertRefused(PersistFormat format, String name, String why) {
        OffloadException refused = assertThrows(OffloadException.class,
                () -> PersistRenderer.of(format, PersistCommands.offloadctl("/bin/true")).render(plan(name)), format + " " + name);
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    /** An executable that appends each of its arguments, one per line, to DIR/NAME.args (nmcli also names a connection). */
    private Path recorder(String name) throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path recorder = bin.resolve(name);
        Files.writeString(recorder, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> \"" + dir.resolve(name + ".args")
                + "\"; done\n[ \"$1\" = -g ] && echo conn1\nexit 0\n");
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return recorder;
    }

    /** Runs a script in the test namespace from an empty directory; the recorded arguments, and no file made by an injection. */
    private List<String> runAndRecord(String script, String recorded) throws Exception {
        Path work = Files.createTempDirectory(dir, "run");
        Path file = work.resolve("script.sh");
        Files.writeString(file, script);
        Files.deleteIfExists(dir.resolve(recorded + ".args"));
        Shell.Result run = lab.exec("sh", "-c", "cd '" + work + "' && PATH='" + dir.resolve("bin") + ":/usr/bin:/bin' sh ./script.sh");
        assertEquals(0, run.exitCode(), run + "\n" + script);
        assertFalse(Files.exists(work.resolve("Z")), "the script ran an injected command:\n" + script);
        try (var left = Files.list(work)) {
            assertEquals(List.of("script.sh"), left.map(p -> p.getFileName().toString()).collect(Collectors.toList()), script);
        }
        return Arrays.asList(Files.readString(dir.resolve(recorded + ".args")).split("\n", -1)).subList(0,
                (int) Files.readString(dir.resolve(recorded + ".args")).chars().filter(c -> c == '\n').count());
    }
}
