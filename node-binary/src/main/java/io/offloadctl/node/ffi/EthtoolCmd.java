package io.offloadctl.node.ffi;

/** Request numbers: sockios.h for the socket ioctls, ethtool.h for the ETHTOOL_* sub-commands. */
public final class EthtoolCmd {
    public static final long SIOCETHTOOL = 0x8946;
    public static final long SIOCGIFMTU = 0x8921;

    public static final int ETHTOOL_GDRVINFO = 0x03;
    public static final int ETHTOOL_GLINK = 0x0a;
    public static final int ETHTOOL_GSTRINGS = 0x1b;
    public static final int ETHTOOL_GSTATS = 0x1d;
    public static final int ETHTOOL_GSSET_INFO = 0x37;
    public static final int ETHTOOL_GFEATURES = 0x3a;
    public static final int ETHTOOL_SFEATURES = 0x3b;
    public static final int ETHTOOL_GCHANNELS = 0x3c;
    public static final int ETHTOOL_SCHANNELS = 0x3d;
    public static final int ETHTOOL_GLINKSETTINGS = 0x4c;

    /** enum ethtool_stringset: the netdev feature names. */
    public static final int ETH_SS_FEATURES = 4;
    /** enum ethtool_stringset: the driver's statistics (ethtool -S). */
    public static final int ETH_SS_STATS = 1;

    /** Length of every string in an ETHTOOL_GSTRINGS answer. */
    public static final int ETH_GSTRING_LEN = 32;

    private EthtoolCmd() {
    }

    public static String name(int cmd) {
        return switch (cmd) {
            case ETHTOOL_GDRVINFO -> "ETHTOOL_GDRVINFO";
            case ETHTOOL_GLINK -> "ETHTOOL_GLINK";
            case ETHTOOL_GSTRINGS -> "ETHTOOL_GSTRINGS";
            case ETHTOOL_GSTATS -> "ETHTOOL_GSTATS";
            case ETHTOOL_GSSET_INFO -> "ETHTOOL_GSSET_INFO";
            case ETHTOOL_GFEATURES -> "ETHTOOL_GFEATURES";
            case ETHTOOL_SFEATURES -> "ETHTOOL_SFEATURES";
            case ETHTOOL_GCHANNELS -> "ETHTOOL_GCHANNELS";
            case ETHTOOL_SCHANNELS -> "ETHTOOL_SCHANNELS";
            case ETHTOOL_GLINKSETTINGS -> "ETHTOOL_GLINKSETTINGS";
            default -> String.format("ETHTOOL_0x%x", cmd);
        };
    }
}
