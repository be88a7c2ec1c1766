package io.offloadctl.node.ffi;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The fixed part shared by {@code struct ethtool_gfeatures} and {@code struct ethtool_sfeatures}
 * (linux/ethtool.h), 8 bytes; {@code size} feature blocks follow in the same buffer:
 * {@link #GET_BLOCK_SIZE} bytes each for a get ({available, requested, active, never_changed}),
 * {@link #SET_BLOCK_SIZE} for a set ({valid, requested}).
 */
public final class EthtoolFeaturesHeader extends Struct {
    public static final int GET_BLOCK_SIZE = 16;
    public static final int SET_BLOCK_SIZE = 8;

    public final Unsigned32 cmd = new Unsigned32();
    public final Unsigned32 size = new Unsigned32();

    public EthtoolFeaturesHeader(Runtime runtime) {
        super(runtime);
    }
}
