package io.offloadctl.node.ffi;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * {@code struct ethtool_sset_info} (linux/ethtool.h) asking about exactly one string set, so the
 * flexible {@code data[]} holds one word: 20 bytes.
 */
public final class EthtoolSsetInfo extends Struct {
    public final Unsigned32 cmd = new Unsigned32();
    public final Unsigned32 reserved = new Unsigned32();
    public final Unsigned64 sset_mask = new Unsigned64();
    public final Unsigned32 data = new Unsigned32();

    public EthtoolSsetInfo(Runtime runtime) {
        super(runtime);
    }
}
