package io.offloadctl.node.ffi;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/** {@code struct ethtool_value} (linux/ethtool.h): a command and one value, 8 bytes. */
public final class EthtoolValue extends Struct {
    public final Unsigned32 cmd = new Unsigned32();
    public final Unsigned32 data = new Unsigned32();

    public EthtoolValue(Runtime runtime) {
        super(runtime);
    }
}
