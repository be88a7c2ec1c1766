package io.offloadctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LegacyFlagsTest {

    @Test
    void patternsMatchAsEthtoolMatchesThem() {
        LegacyFlag tso = LegacyFlags.named("tso").orElseThrow();
        assertTrue(tso.matches("tx-tcp-segmentation"));
        assertTrue(tso.matches("tx-tcp6-segmentation"));
        assertTrue(tso.matches("tx-tcp-accecn-segmentation"));
        assertFalse(tso.matches("tx-udp-segmentation"));
        LegacyFlag sg = LegacyFlags.named("scatter-gather").orElseThrow();
        assertTrue(sg.matches("tx-scatter-gather"));
        assertTrue(sg.matches("tx-scatter-gather-fraglist"));
        LegacyFlag gro = LegacyFlags.named("gro").orElseThrow();
        assertTrue(gro.matches("rx-gro"));
        assertFalse(gro.matches("rx-gro-hw"), "a pattern without an asterisk matches exactly");
    }

    @Test
    void groupsUseTheFirstMatchingFlag() {
        assertEquals("tx-checksumming", LegacyFlags.groupOf("tx-checksum-ipv4").orElseThrow().longName());
        assertEquals("rx-checksumming", LegacyFlags.groupOf("rx-checksum").orElseThrow().longName());
        assertTrue(LegacyFlags.groupOf("tx-gso-list").isEmpty());
    }

    @Test
    void tableIsInEthtoolOrderWithElevenShownFlags() {
        assertEquals("rx", LegacyFlags.all().get(0).shortName());
        assertEquals("rxhash", LegacyFlags.all().get(LegacyFlags.all().size() - 1).shortName());
        assertEquals(11, LegacyFlags.all().stream().filter(f -> !f.shortName().equals(LegacyFlags.UFO)).count());
    }
}
