package io.offloadctl.node.ffi;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * {@code struct ethtool_channels} (linux/ethtool.h), 36 bytes: the command, the maxima
 * (max_rx, max_tx, max_other, max_combined) and the counts (rx_count, tx_count, other_count,
 * combined_count), each a __u32.
 */
public final class EthtoolChannels extends Struct {
    public final Unsigned32 cmd = new Unsigned32();
    public final Unsigned32 max_rx = new Unsigned32();
    public final Unsigned32 max_tx = new Unsigned32();
    public final Unsigned32 max_other = new Unsigned32();
    public final Unsigned32 max_combined = new Unsigned32();
    public final Unsigned32 rx_count = new Unsigned32();
    public final Unsigned32 tx_count = new Unsigned32();
    public final Unsigned32 other_count = new Unsigned32();
    public final Unsigned32 combined_count = new Unsigned32();

    public EthtoolChannels(Runtime runtime) {
        super(runtime);
    }
}
