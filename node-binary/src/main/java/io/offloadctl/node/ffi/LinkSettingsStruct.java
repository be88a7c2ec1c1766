package io.offloadctl.node.ffi;

/**
 * The scalar fields of an ETHTOOL_GLINKSETTINGS answer. {@code speed} is in Mb/s, with
 * {@code 0xffffffff} (SPEED_UNKNOWN) when unknown; {@code duplex} is 0 half, 1 full, 0xff unknown.
 */
public record LinkSettingsStruct(long speed, int duplex, int autoneg, int port) {
    public static final long SPEED_UNKNOWN = 0xffffffffL;
    public static final int DUPLEX_HALF = 0;
    public static final int DUPLEX_FULL = 1;
}
