package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/**
 * {@code offloadctl limits} against {@code ip -d link} (iproute2 is the judge): the values read on
 * every lab kind and the machine's own interfaces, the values set, the refusals. iproute2 6.1 here
 * neither prints nor sets the IPv4 twins (gso_ipv4_max_size, gro_ipv4_max_size): for them, what is
 * set is read back through a second process.
 */
@Tag("ffi")
class LimitsMatchIpTest {

    /** The limits iproute2 6.1 prints, in its order: what our line starts with. */
    static final Pattern IP_LIMITS = Pattern.compile("gso_max_size \\d+ gso_max_segs \\d+ tso_max_size \\d+ tso_max_segs \\d+ gro_max_size \\d+");

    TestNamespace lab;

    @BeforeEach
    void createLab() {
        lab = TestNamespace.createLab("lim");
    }

    @AfterEach
    void removeLab() {
        lab.close();
    }

    static String ipLimits(Shell.Result ipDetails) {
        Matcher m = IP_LIMITS.matcher(ipDetails.orFail().out());
        assertTrue(m.find(), ipDetails.out());
        return m.group();
    }

    @Test
    void readsAgreeWithIpOnEveryKind() {
        for (String iface : TestNamespace.LAB_INTERFACES) {
            Shell.Result mine = CliRun.run("--netns", lab.name(), "limits", iface);
            assertEquals(0, mine.exitCode(), iface + ": " + mine);
            assertTrue(mine.out().startsWith(ipLimits(lab.ip("-d", "link", "show", "dev", iface)) + " gso_ipv4_max_size "), iface + ": " + mine.out());
        }
        for (String iface : List.of("lo", "eth0")) {
            if (Files.exists(Path.of("/sys/class/net", iface))) {
                Shell.Result mine = CliRun.run("limits", iface);
                assertTrue(mine.out().startsWith(ipLimits(Shell.run("ip", "-d", "link", "show", "dev", iface))), iface + ": " + mine);
            }
        }
    }

    @Test
    void setsWhatIpLinkSetSetsAndRefusesWhatItRefuses() {
        Shell.Result set = CliRun.run("--netns", lab.name(), "limits", "va", "gso_max_size", "32768", "gro_max_size", "40000",
                "gso_max_segs", "100", "gso_ipv4_max_size", "20000", "gro_ipv4_max_size", "30000");
        assertEquals(0, set.exitCode(), set.toString());
        assertTrue(ipLimits(lab.ip("-d", "link", "show", "dev", "va"))
                .matches("gso_max_size 32768 gso_max_segs 100 tso_max_size \\d+ tso_max_segs \\d+ gro_max_size 40000"));
        String read = CliRun.run("--netns", lab.name(), "limits", "va").out();
        assertTrue(read.endsWith(" gro_max_size 40000 gso_ipv4_max_size 20000 gro_ipv4_max_size 30000\n"), read);
        String json = CliRun.run("--netns", lab.name(), "limits", "va", "--json").out();
        assertTrue(json.contains("\"gso_ipv4_max_size\" : 20000"), json);

        // the same change through ip on the twin: the same result
        lab.ip("link", "set", "dev", "vb", "gso_max_size", "32768", "gro_max_size", "40000", "gso_max_segs", "100").orFail();
        assertEquals(ipLimits(lab.ip("-d", "link", "show", "dev", "va")), ipLimits(lab.ip("-d", "link", "show", "dev", "vb")));

        String before = ipLimits(lab.ip("-d", "link", "show", "dev", "va"));
        Shell.Result tooBig = CliRun.run("--netns", lab.name(), "limits", "va", "gso_max_size", "9999999");
        assertEquals(2, Shell.run("ip", "-n", lab.name(), "link", "set", "dev", "vb", "gso_max_size", "9999999").exitCode(),
                "ip refuses it too");
        assertEquals(1, tooBig.exitCode(), tooBig.toString());
        assertTrue(tooBig.err().contains("the kernel refused gso_max_size 9999999 for 'va'"), tooBig.err());
        assertTrue(tooBig.err().contains("up to its tso_max_size"), tooBig.err());
        Shell.Result tooSmall = CliRun.run("--netns", lab.name(), "limits", "va", "gso_max_size", "1");
        assertEquals(2, Shell.run("ip", "-n", lab.name(), "link", "set", "dev", "vb", "gso_max_size", "1").exitCode(),
                "ip refuses it too (\"integer out of range\")");
        assertEquals(1, tooSmall.exitCode(), tooSmall.toString());
        assertTrue(tooSmall.err().contains("the kernel refused gso_max_size 1 for 'va' as out of range"), tooSmall.err());
        Shell.Result noValue = CliRun.run("--netns", lab.name(), "limits", "va", "gso_max_size", "many");
        assertEquals(1, noValue.exitCode());
        assertTrue(noValue.err().contains("'gso_max_size' must be followed by a size, not 'many'"), noValue.err());
        Shell.Result readOnly = CliRun.run("--netns", lab.name(), "limits", "va", "tso_max_size", "1000");
        assertEquals(1, readOnly.exitCode());
        assertTrue(readOnly.err().contains("tso_max_size is what the driver allows, not a setting"), readOnly.err());
        Shell.Result typo = CliRun.run("--netns", lab.name(), "limits", "va", "gso_max_sise", "1000");
        assertEquals(1, typo.exitCode());
        assertTrue(typo.err().contains("did you mean gso_max_size"), typo.err());
        assertEquals(before, ipLimits(lab.ip("-d", "link", "show", "dev", "va")), "refusals change nothing");
        assertEquals(1, CliRun.run("--netns", lab.name(), "limits", "nosuch0").exitCode());
    }
}
