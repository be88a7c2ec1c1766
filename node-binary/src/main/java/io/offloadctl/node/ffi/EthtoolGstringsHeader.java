package io.offloadctl.node.ffi;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The fixed part of {@code struct ethtool_gstrings} (linux/ethtool.h), 12 bytes; {@code len}
 * strings of {@link EthtoolCmd#ETH_GSTRING_LEN} bytes follow it in the same buffer.
 */
public final class EthtoolGstringsHeader extends Struct {
    public final Unsigned32 cmd = new Unsigned32();
    public final Unsigned32 string_set = new Unsigned32();
    public final Unsigned32 len = new Unsigned32();

    public EthtoolGstringsHeader(Runtime runtime) {
        super(runtime);
    }
}
