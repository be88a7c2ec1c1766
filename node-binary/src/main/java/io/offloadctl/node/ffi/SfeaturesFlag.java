package io.offloadctl.node.ffi;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a successful ETHTOOL_SFEATURES answers (linux/ethtool.h, enum ethtool_sfeatures_retval_bits):
 * UNSUPPORTED, bits of .valid that are not changeable were ignored; WISH, the resulting state of the
 * requested bits differs from the request (other constraints of the device, such as TSO without
 * scatter-gather); COMPAT, the change went through the driver's old compatibility functions.
 * ethtool judges a change by reading the features again, not by these (ethtool.c, do_sfeatures: only
 * a negative answer is an error); offloadctl does the same and reports them beside its judgement.
 */
public enum SfeaturesFlag {
    ETHTOOL_F_UNSUPPORTED(1),
    ETHTOOL_F_WISH(1 << 1),
    ETHTOOL_F_COMPAT(1 << 2);

    private final int bit;

    SfeaturesFlag(int bit) {
        this.bit = bit;
    }

    /** The flags set in an ETHTOOL_SFEATURES answer. */
    public static Set<SfeaturesFlag> of(int answer) {
        Set<SfeaturesFlag> flags = EnumSet.noneOf(SfeaturesFlag.class);
        for (SfeaturesFlag flag : values()) {
            if ((answer & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
