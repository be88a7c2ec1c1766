package io.offloadctl.node.ffi;

import static io.offloadctl.node.ffi.NetlinkMessages.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's ethtool generic netlink family (include/uapi/linux/ethtool_netlink.h), for what the
 * ioctls do not carry as ethtool 6.1 shows it: rings, coalescing, pause and the link modes its
 * pause output reads. Messages are a nlmsghdr, a
 * genlmsghdr {cmd u8, version u8, reserved u16} and attributes {len u16, type u16, payload, padded
 * to 4}; each request names the device in a nested header attribute {DEV_NAME string}. The family's
 * id is asked of the generic netlink controller once per socket. A refusal is a
 * {@link NativeCallException} with the kernel's extended acknowledgement message when it sent one.
 */
public final class EthtoolNetlink {

    /** ETHTOOL_MSG_* requests (userspace to kernel). */
    public static final int RINGS_GET = 15;
    public static final int RINGS_SET = 16;
    public static final int COALESCE_GET = 19;
    public static final int COALESCE_SET = 20;
    public static final int PAUSE_GET = 21;
    public static final int PAUSE_SET = 22;
    public static final int LINKMODES_GET = 4;

    /** Every request's first attribute (ETHTOOL_A_*_HEADER) is the nested request header. */
    private static final int A_HEADER = 1;
    private static final int A_HEADER_DEV_NAME = 2;
    private static final int A_HEADER_FLAGS = 3;
    /** ETHTOOL_FLAG_COMPACT_BITSETS: bitsets as value (and mask) words, not one nested attribute per bit. */
    private static final int FLAG_COMPACT_BITSETS = 1;
    private static final int A_LINKMODES_OURS = 3;
    private static final int A_LINKMODES_PEER = 4;
    private static final int A_BITSET_VALUE = 4;

    private static final int GENL_HDRLEN = 4;
    /** In an error's flags: the original request was not echoed whole (only its header). */
    private static final int NLM_F_CAPPED = 0x100;
    /** In an error's flags: extended acknowledgement attributes follow. */
    private static final int NLM_F_ACK_TLVS = 0x200;
    private static final int NLMSGERR_ATTR_MSG = 1;

    private static final short GENL_ID_CTRL = 0x10;
    private static final int CTRL_CMD_GETFAMILY = 3;
    private static final int CTRL_ATTR_FAMILY_ID = 1;
    private static final int CTRL_ATTR_FAMILY_NAME = 2;
    private static final String FAMILY = "ethtool";
    private static final int VERSION = 1;

    /** A typed value for a SET request: a u32 or a u8 (booleans and enums). */
    public record Value(long value, boolean u8) {
        public static Value u32(long value) {
            return new Value(value, false);
        }

        public static Value u8(long value) {
            return new Value(value, true);
        }
    }

    private final NetlinkSocket socket;
    private int familyId = -1;
    private int sequence;

    public EthtoolNetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    /**
     * The attributes of the kernel's answer to a GET request for {@code interfaceName}: each
     * integer attribute (u8, u16 or u32) by type, the header and nested ones left out. What the
     * driver does not support is absent (ethtool prints "n/a" for it).
     */
    public Map<Integer, Long> get(int command, String interfaceName) {
        int seq = send(command, interfaceName, 0, Map.of(), NLM_F_REQUEST);
        Map<Integer, Long> values = new LinkedHashMap<>();
        receive(seq, callName(command), interfaceName, reply -> forEachAttribute(reply, NLMSG_HDRLEN + GENL_HDRLEN, reply.limit(),
                attribute -> {
                    if (attribute.nested() || attribute.type() == A_HEADER) {
                        return;
                    }
                    ByteBuffer payload = attribute.payload();
                    Long value = switch (payload.remaining()) {
                        case 1 -> (long) Byte.toUnsignedInt(payload.get(0));
                        case 2 -> (long) Short.toUnsignedInt(payload.getShort(0));
                        case 4 -> Integer.toUnsignedLong(payload.getInt(0));
                        default -> null;
                    };
                    if (value != null) {
                        values.put(attribute.type(), value);
                    }
                }));
        return values;
    }

    /**
     * The link modes of {@code interfaceName} (ETHTOOL_MSG_LINKMODES_GET, compact bitsets): the set
     * bits (ETHTOOL_LINK_MODE_*_BIT) of what it advertises and of what its link partner
     * advertises; either null when the kernel sends none (no partner seen).
     */
    public LinkModes linkModes(String interfaceName) {
        int seq = send(LINKMODES_GET, interfaceName, FLAG_COMPACT_BITSETS, Map.of(), NLM_F_REQUEST);
        BitSet[] found = new BitSet[2];
        receive(seq, callName(LINKMODES_GET), interfaceName, reply -> forEachAttribute(reply, NLMSG_HDRLEN + GENL_HDRLEN,
                reply.limit(), attribute -> {
                    if (attribute.type() == A_LINKMODES_OURS || attribute.type() == A_LINKMODES_PEER) {
                        found[attribute.type() == A_LINKMODES_OURS ? 0 : 1] = compactBits(attribute.payload());
                    }
                }));
        return new LinkModes(found[0], found[1]);
    }

    /** Set bits of link modes (ETHTOOL_LINK_MODE_*_BIT): ours advertised, the peer's; null when not reported. */
    public record LinkModes(BitSet ours, BitSet peer) {
    }

    /** The value of a compact bitset (ETHTOOL_A_BITSET_VALUE: u32 words, bit 0 of the first word first). */
    private static BitSet compactBits(ByteBuffer bitset) {
        BitSet bits = new BitSet();
        forEachAttribute(bitset, 0, bitset.limit(), attribute -> {
            if (attribute.type() == A_BITSET_VALUE) {
                ByteBuffer payload = attribute.payload();
                for (int word = 0; word + 4 <= payload.limit(); word += 4) {
                    int value = payload.getInt(word);
                    for (int bit = 0; bit < 32; bit++) {
                        if ((value & (1 << bit)) != 0) {
                            bits.set(word * 8 + bit);
                        }
                    }
                }
            }
        });
        return bits;
    }

    /** An attribute of a message: its type (flags masked off), whether NLA_F_NESTED is set, its payload from position 0. */
    private record Attribute(int type, boolean nested, ByteBuffer payload) {
    }

    /** Each attribute {len u16, type u16, payload, padded to 4} of {@code message} from {@code start} to {@code end}. */
    private static void forEachAttribute(ByteBuffer message, int start, int end, java.util.function.Consumer<Attribute> visitor) {
        int position = start;
        while (position + 4 <= end) {
            int length = Short.toUnsignedInt(message.getShort(position));
            int type = Short.toUnsignedInt(message.getShort(position + 2));
            if (length < 4 || position + length > end) {
                break;
            }
            ByteBuffer payload = message.slice(position + 4, length - 4).order(message.order());
            visitor.accept(new Attribute(type & NLA_TYPE_MASK, (type & NLA_F_NESTED) != 0, payload));
            position += align(length);
        }
    }

    /** A SET request with these attributes, acknowledged. */
    public void set(int command, String interfaceName, Map<Integer, Value> attributes) {
        int seq = send(command, interfaceName, 0, attributes, (short) (NLM_F_REQUEST | NLM_F_ACK));
        receive(seq, callName(command), interfaceName, reply -> {
        });
    }

    /** A request for {@code interfaceName}; {@code headerFlags} (ETHTOOL_FLAG_*) go in its header when not 0. */
    private int send(int command, String interfaceName, int headerFlags, Map<Integer, Value> attributes, short flags) {
        int family = familyId();
        byte[] name = (interfaceName + "\0").getBytes(StandardCharsets.UTF_8);
        int header = 4 + align(4 + name.length) + (headerFlags == 0 ? 0 : 8);
        int length = NLMSG_HDRLEN + GENL_HDRLEN + header;
        for (Value value : attributes.values()) {
            length += align(4 + (value.u8() ? 1 : 4));
        }
        int seq = ++sequence;
        ByteBuffer request = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        request.putInt(length).putShort((short) family).putShort(flags).putInt(seq).putInt(0);
        request.put((byte) command).put((byte) VERSION).putShort((short) 0);
        request.putShort((short) header).putShort((short) (A_HEADER | NLA_F_NESTED));
        putAttribute(request, A_HEADER_DEV_NAME, name);
        if (headerFlags != 0) {
            putAttribute(request, A_HEADER_FLAGS, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(headerFlags).array());
        }
        attributes.forEach((type, value) -> {
            if (value.u8()) {
                putAttribute(request, type, new byte[] {(byte) value.value()});
            } else {
                ByteBuffer u32 = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) value.value());
                putAttribute(request, type, u32.array());
            }
        });
        socket.send(request.flip());
        return seq;
    }

    private static void putAttribute(ByteBuffer request, int type, byte[] payload) {
        request.putShort((short) (4 + payload.length)).putShort((short) type).put(payload);
        for (int pad = align(4 + payload.length) - (4 + payload.length); pad > 0; pad--) {
            request.put((byte) 0);
        }
    }

    /** Reads the answers to request {@code seq}: each reply to {@code onReply}, until its acknowledgement or its one reply. */
    private void receive(int seq, String call, String interfaceName, java.util.function.Consumer<ByteBuffer> onReply) {
        boolean replied = false;
        while (true) {
            ByteBuffer datagram = socket.receive();
            while (datagram.remaining() >= NLMSG_HDRLEN) {
                int start = datagram.position();
                int length = datagram.getInt(start);
                short type = datagram.getShort(start + 4);
                if (length < NLMSG_HDRLEN || start + length > datagram.limit()) {
                    throw new NativeCallException(call, interfaceName, Errno.EINVAL, "malformed netlink message");
                }
                ByteBuffer message = datagram.slice(start, length).order(datagram.order());
                datagram.position(Math.min(datagram.limit(), start + align(length)));
                if (message.getInt(8) != seq) {
                    continue;
                }
                if (type == NLMSG_ERROR) {
                    int errno = -message.getInt(NLMSG_HDRLEN);
                    if (errno == 0) {
                        return;
                    }
                    throw refusal(message, call, interfaceName, errno);
                }
                if (type == NLMSG_DONE) {
                    return;
                }
                onReply.accept(message);
                replied = true;
            }
            if (replied) {
                return;
            }
        }
    }

    /** The error of an NLMSG_ERROR message, with the extended acknowledgement's message when the kernel sent one. */
    private static NativeCallException refusal(ByteBuffer message, String call, String interfaceName, int errno) {
        String[] text = {null};
        int flags = Short.toUnsignedInt(message.getShort(6));
        if ((flags & NLM_F_ACK_TLVS) != 0) {
            // struct nlmsgerr: error s32, then the request's nlmsghdr (and its payload unless capped).
            int echoed = (flags & NLM_F_CAPPED) != 0 ? NLMSG_HDRLEN : message.getInt(NLMSG_HDRLEN + 4);
            forEachAttribute(message, NLMSG_HDRLEN + 4 + align(echoed), message.limit(), attribute -> {
                if (attribute.type() == NLMSGERR_ATTR_MSG) {
                    byte[] bytes = new byte[attribute.payload().remaining()];
                    attribute.payload().get(0, bytes);
                    text[0] = new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
                }
            });
        }
        return new NativeCallException(call, interfaceName, errno, Native.libc().strerror(errno), text[0]);
    }

    /** The ethtool family's id, asked of the controller (CTRL_CMD_GETFAMILY) the first time. */
    private int familyId() {
        if (familyId >= 0) {
            return familyId;
        }
        byte[] name = (FAMILY + "\0").getBytes(StandardCharsets.UTF_8);
        int length = NLMSG_HDRLEN + GENL_HDRLEN + align(4 + name.length);
        int seq = ++sequence;
        ByteBuffer request = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        request.putInt(length).putShort(GENL_ID_CTRL).putShort(NLM_F_REQUEST).putInt(seq).putInt(0);
        request.put((byte) CTRL_CMD_GETFAMILY).put((byte) 1).putShort((short) 0);
        putAttribute(request, CTRL_ATTR_FAMILY_NAME, name);
        socket.send(request.flip());
        int[] found = {-1};
        receive(seq, "CTRL_CMD_GETFAMILY(ethtool)", null, reply -> forEachAttribute(reply, NLMSG_HDRLEN + GENL_HDRLEN, reply.limit(),
                attribute -> {
                    if (attribute.type() == CTRL_ATTR_FAMILY_ID) {
                        found[0] = Short.toUnsignedInt(attribute.payload().getShort(0));
                    }
                }));
        if (found[0] < 0) {
            throw new NativeCallException("CTRL_CMD_GETFAMILY(ethtool)", null, Errno.EOPNOTSUPP, "the kernel has no ethtool netlink family");
        }
        familyId = found[0];
        return familyId;
    }

    private static String callName(int command) {
        return switch (command) {
            case RINGS_GET -> "ETHTOOL_MSG_RINGS_GET";
            case RINGS_SET -> "ETHTOOL_MSG_RINGS_SET";
            case COALESCE_GET -> "ETHTOOL_MSG_COALESCE_GET";
            case COALESCE_SET -> "ETHTOOL_MSG_COALESCE_SET";
            case PAUSE_GET -> "ETHTOOL_MSG_PAUSE_GET";
            case PAUSE_SET -> "ETHTOOL_MSG_PAUSE_SET";
            case LINKMODES_GET -> "ETHTOOL_MSG_LINKMODES_GET";
            default -> "ETHTOOL_MSG_" + command;
        };
    }

}
