package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.node.output.PauseText;

/**
 * The resolution {@code ethtool -a} prints when pause autonegotiation is on, over every combination
 * of the Pause and Asym_Pause bits both sides may advertise (no device here negotiates pause, so
 * these are the only place the table is exercised), and the lines it prints.
 */
class PauseNegotiationTest {

    private static BitSet advertised(boolean pause, boolean asym) {
        BitSet bits = new BitSet();
        bits.set(0); // 10baseT/Half: other modes do not matter
        if (pause) {
            bits.set(PauseNegotiation.PAUSE_BIT);
        }
        if (asym) {
            bits.set(PauseNegotiation.ASYM_PAUSE_BIT);
        }
        return bits;
    }

    @Test
    void everyCombinationResolvesAsEthtoolDoes() {
        for (int combination = 0; combination < 16; combination++) {
            boolean ourPause = (combination & 1) != 0;
            boolean ourAsym = (combination & 2) != 0;
            boolean peerPause = (combination & 4) != 0;
            boolean peerAsym = (combination & 8) != 0;
            // ethtool's netlink/pause.c, pause_autoneg_cb, as a table
            boolean rx;
            boolean tx;
            if (ourPause && peerPause) {
                rx = true;
                tx = true;
            } else if (ourAsym && peerAsym) {
                rx = ourPause;
                tx = !ourPause && peerPause;
            } else {
                rx = false;
                tx = false;
            }
            PauseNegotiation got = PauseNegotiation.of(advertised(ourPause, ourAsym), advertised(peerPause, peerAsym)).orElseThrow();
            assertEquals(new PauseNegotiation(rx, tx), got, "ours pause/asym " + ourPause + "/" + ourAsym + ", peer " + peerPause + "/" + peerAsym);
        }
        // Annex 28B: symmetric on one side, asymmetric towards it on the other
        assertEquals(new PauseNegotiation(true, false), PauseNegotiation.of(advertised(true, true), advertised(false, true)).orElseThrow());
        assertEquals(new PauseNegotiation(false, true), PauseNegotiation.of(advertised(false, true), advertised(true, true)).orElseThrow());
        assertTrue(PauseNegotiation.of(advertised(true, false), null).isEmpty(), "no partner seen: nothing printed");
    }

    /** The link modes request itself, on a device that reports link settings (veth: none advertised, no partner). */
    @org.junit.jupiter.api.Tag("ffi")
    @Test
    void linkModesAreReadAsEthtoolSeesThem() {
        try (io.offloadctl.node.testing.TestNamespace lab = io.offloadctl.node.testing.TestNamespace.create("pneg")) {
            lab.ip("link", "add", "pa", "type", "veth", "peer", "name", "pb");
            String ethtool = lab.exec("ethtool", "pa").orFail().out();
            assertTrue(ethtool.contains("Advertised link modes:  Not reported"), ethtool);
            try (KernelSession session = KernelSession.open(NetworkNamespace.resolve(lab.name()))) {
                io.offloadctl.node.ffi.EthtoolNetlink.LinkModes modes = session.ethtoolNetlink().linkModes("pa");
                assertTrue(modes.ours() != null && modes.ours().isEmpty(), "advertises nothing: " + modes);
                assertTrue(PauseNegotiation.read(session, "pa").isEmpty(), "no partner's advertisement: " + modes);
                io.offloadctl.model.OffloadException missing = org.junit.jupiter.api.Assertions.assertThrows(
                        io.offloadctl.model.OffloadException.class, () -> PauseNegotiation.read(session, "octl-nosuch0"));
                assertTrue(missing.getMessage().contains("octl-nosuch0"), missing.getMessage());
            }
        }
    }

    @Test
    void theLinesAreEthtools() {
        Map<PauseParameter, Long> on = Map.of(PauseParameter.autoneg, 1L, PauseParameter.rx, 1L, PauseParameter.tx, 0L);
        assertEquals("Pause parameters for eno1:\nAutonegotiate:\ton\nRX:\t\ton\nTX:\t\toff\nRX negotiated: on\nTX negotiated: off\n\n",
                PauseText.render("eno1", on, Optional.of(new PauseNegotiation(true, false))));
        assertTrue(PauseText.negotiates(on));
        Map<PauseParameter, Long> off = Map.of(PauseParameter.autoneg, 0L, PauseParameter.rx, 0L);
        assertEquals("Pause parameters for eno1:\nAutonegotiate:\toff\nRX:\t\toff\nTX:\t\tn/a\n\n",
                PauseText.render("eno1", off, Optional.empty()));
        assertTrue(!PauseText.negotiates(off) && !PauseText.negotiates(Map.of()));
    }
}
