package io.offloadctl.node.ffi;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The fixed part of {@code struct ethtool_link_settings} (linux/ethtool.h), 48 bytes; three
 * link-mode bitmaps of {@code link_mode_masks_nwords} words each follow in the same buffer.
 */
public final class EthtoolLinkSettingsHeader extends Struct {
    public final Unsigned32 cmd = new Unsigned32();
    public final Unsigned32 speed = new Unsigned32();
    public final Unsigned8 duplex = new Unsigned8();
    public final Unsigned8 port = new Unsigned8();
    public final Unsigned8 phy_address = new Unsigned8();
    public final Unsigned8 autoneg = new Unsigned8();
    public final Unsigned8 mdio_support = new Unsigned8();
    public final Unsigned8 eth_tp_mdix = new Unsigned8();
    public final Unsigned8 eth_tp_mdix_ctrl = new Unsigned8();
    public final Signed8 link_mode_masks_nwords = new Signed8();
    public final Unsigned8 transceiver = new Unsigned8();
    public final Unsigned8 master_slave_cfg = new Unsigned8();
    public final Unsigned8 master_slave_state = new Unsigned8();
    public final Unsigned8 rate_matching = new Unsigned8();
    public final Unsigned32[] reserved = array(new Unsigned32[7]);

    public EthtoolLinkSettingsHeader(Runtime runtime) {
        super(runtime);
    }
}
