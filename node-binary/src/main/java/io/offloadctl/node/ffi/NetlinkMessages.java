package io.offloadctl.node.ffi;

/**
 * What every netlink family's messages share (linux/netlink.h), declared once: the nlmsghdr
 * {len u32, type u16, flags u16, seq u32, pid u32}, its control message types and flags, the
 * attribute header {len u16, type u16} and the 4-byte alignment of both.
 */
final class NetlinkMessages {

    static final int NLMSG_HDRLEN = 16;
    static final short NLMSG_ERROR = 2;
    static final short NLMSG_DONE = 3;
    static final short NLM_F_REQUEST = 0x1;
    static final short NLM_F_ACK = 0x4;
    /** An attribute's type without its NLA_F_NESTED and NLA_F_NET_BYTEORDER bits. */
    static final int NLA_TYPE_MASK = 0x3fff;
    static final int NLA_F_NESTED = 0x8000;

    private NetlinkMessages() {
    }

    /** NLMSG_ALIGN / NLA_ALIGN: to 4 bytes. */
    static int align(int length) {
        return (length + 3) & ~3;
    }
}
