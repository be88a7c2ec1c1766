package io.offloadctl.node.ffi;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/** {@code struct ethtool_drvinfo} (linux/ethtool.h): 196 bytes. */
public final class EthtoolDrvinfo extends Struct {
    public final Unsigned32 cmd = new Unsigned32();
    public final UTF8String driver = new UTF8String(32);
    public final UTF8String version = new UTF8String(32);
    public final UTF8String fw_version = new UTF8String(32);
    public final UTF8String bus_info = new UTF8String(32);
    public final UTF8String erom_version = new UTF8String(32);
    public final UTF8String reserved2 = new UTF8String(12);
    public final Unsigned32 n_priv_flags = new Unsigned32();
    public final Unsigned32 n_stats = new Unsigned32();
    public final Unsigned32 testinfo_len = new Unsigned32();
    public final Unsigned32 eedump_len = new Unsigned32();
    public final Unsigned32 regdump_len = new Unsigned32();

    public EthtoolDrvinfo(Runtime runtime) {
        super(runtime);
    }
}
