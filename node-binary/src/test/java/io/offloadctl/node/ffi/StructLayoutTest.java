package io.offloadctl.node.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jnr.ffi.Pointer;
import jnr.ffi.Struct;

/** The kernel structs have the sizes and offsets of the x86_64 headers, in either jnr-ffi loader. */
@Tag("ffi")
class StructLayoutTest {

    @Test
    void theLoaderIsTheOneThisRunAskedFor() {
        boolean reflection = "false".equals(System.getProperty("jnr.ffi.asm.enabled"));
        assertEquals(reflection, java.lang.reflect.Proxy.isProxyClass(Native.libc().getClass()),
                "jnr.ffi.asm.enabled=false must load libc through the reflection (proxy) loader");
    }

    @Test
    void ifreqIsFortyBytesWithTheDataPointerAtSixteen() {
        IfReq ifreq = new IfReq(Native.runtime());
        assertEquals(40, Struct.size(ifreq));
        Pointer memory = Native.allocateDirect(40);
        ifreq.useMemory(memory);
        Pointer data = Native.allocateDirect(8);
        ifreq.ifr_name.set("eth0");
        ifreq.ifr_ifru.ifru_data.set(data);
        assertEquals("eth0", memory.getString(0));
        assertEquals(data.address(), memory.getLong(16));
        ifreq.ifr_ifru.ifru_mtu.set(9000);
        assertEquals(9000, memory.getInt(16), "ifr_mtu shares the union's offset");
    }

    @Test
    void ethtoolStructSizesAndOffsets() {
        EthtoolDrvinfo drvinfo = new EthtoolDrvinfo(Native.runtime());
        assertEquals(196, Struct.size(drvinfo));
        assertEquals(4, drvinfo.driver.offset());
        assertEquals(36, drvinfo.version.offset());
        assertEquals(68, drvinfo.fw_version.offset());
        assertEquals(100, drvinfo.bus_info.offset());
        assertEquals(176, drvinfo.n_priv_flags.offset());
        assertEquals(192, drvinfo.regdump_len.offset());
        assertEquals(20, Struct.size(new EthtoolSsetInfo(Native.runtime())));
        assertEquals(8, new EthtoolSsetInfo(Native.runtime()).sset_mask.offset());
        assertEquals(12, Struct.size(new EthtoolGstringsHeader(Native.runtime())));
        assertEquals(8, Struct.size(new EthtoolFeaturesHeader(Native.runtime())));
        EthtoolLinkSettingsHeader link = new EthtoolLinkSettingsHeader(Native.runtime());
        assertEquals(48, Struct.size(link));
        assertEquals(15, link.link_mode_masks_nwords.offset());
        assertEquals(8, Struct.size(new EthtoolValue(Native.runtime())));
        EthtoolChannels channels = new EthtoolChannels(Native.runtime());
        assertEquals(36, Struct.size(channels));
        assertEquals(4, channels.max_rx.offset());
        assertEquals(20, channels.rx_count.offset());
        assertEquals(32, channels.combined_count.offset());
    }

    @Test
    void readsLoopbackThroughTheIoctlFunnel() {
        try (EthtoolSocket socket = EthtoolSocket.open()) {
            Ethtool ethtool = new Ethtool(socket);
            int count = ethtool.featureCount("lo");
            assertTrue(count >= 64, "kernels since 5.x name over 64 features, got " + count);
            assertTrue(ethtool.featureNames("lo", count).contains("rx-gro"));
            FeatureWords words = ethtool.getFeatures("lo", 1);
            assertEquals((count + 31) / 32, words.wordCount(), "GFEATURES is retried with the kernel's size");
            assertEquals(65536, socket.mtu("lo"));
            NativeCallException missing = assertThrows(NativeCallException.class,
                    () -> ethtool.getFeatures("oct-nosuch0", 2));
            assertEquals(Errno.ENODEV, missing.errno());
            assertEquals("oct-nosuch0", missing.interfaceName());
        }
    }
}
