package io.offloadctl.node.ffi;

import static io.offloadctl.node.ffi.NetlinkMessages.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's ethtool generic netlink family (include/uapi/linux/ethtool_netlink.h), for what the
 * ioctls do not carry as ethtool 6.1 shows it: rings, coalescing. Messages are a nlmsghdr, a
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

    /** Every request's first attribute (ETHTOOL_A_*_HEADER) is the nested request header. */
    private static final int A_HEADER = 1;
    private static final int A_HEADER_DEV_NAME = 2;

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
        int seq = send(command, interfaceName, Map.of(), NLM_F_REQUEST);
        Map<Integer, Long> values = new LinkedHashMap<>();
        receive(seq, callName(command), interfaceName, reply -> {
            int position = NLMSG_HDRLEN + GENL_HDRLEN;
            while (position + 4 <= reply.limit()) {
                int length = Short.toUnsignedInt(reply.getShort(position));
                int type = Short.toUnsignedInt(reply.getShort(position + 2));
                if (length < 4 || position + length > reply.limit()) {
                    break;
                }
                if ((type & NLA_F_NESTED) == 0 && (type & NLA_TYPE_MASK) != A_HEADER) {
                    int payload = length - 4;
                    Long value = switch (payload) {
                        case 1 -> (long) Byte.toUnsignedInt(reply.get(position + 4));
                        case 2 -> (long) Short.toUnsignedInt(reply.getShort(position + 4));
                        case 4 -> Integer.toUnsignedLong(reply.getInt(position + 4));
                        default -> null;
                    };
                    if (value != null) {
                        values.put(type & NLA_TYPE_MASK, value);
                    }
                }
                position += align(length);
            }
        });
        return values;
    }

    /** A SET request with these attributes, acknowledged. */
    public void set(int command, String interfaceName, Map<Integer, Value> attributes) {
        int seq = send(command, interfaceName, attributes, (short) (NLM_F_REQUEST | NLM_F_ACK));
        receive(seq, callName(command), interfaceName, reply -> {
        });
    }

    private int send(int command, String interfaceName, Map<Integer, Value> attributes, short flags) {
        int family = familyId();
        byte[] name = (interfaceName + "\0").getBytes(StandardCharsets.UTF_8);
        int header = 4 + align(4 + name.length);
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
        String text = null;
        int flags = Short.toUnsignedInt(message.getShort(6));
        if ((flags & NLM_F_ACK_TLVS) != 0) {
            // struct nlmsgerr: error s32, then the request's nlmsghdr (and its payload unless capped).
            int echoed = (flags & NLM_F_CAPPED) != 0 ? NLMSG_HDRLEN : message.getInt(NLMSG_HDRLEN + 4);
            int position = NLMSG_HDRLEN + 4 + align(echoed);
            while (position + 4 <= message.limit()) {
                int length = Short.toUnsignedInt(message.getShort(position));
                int type = Short.toUnsignedInt(message.getShort(position + 2)) & NLA_TYPE_MASK;
                if (length < 4 || position + length > message.limit()) {
                    break;
                }
                if (type == NLMSGERR_ATTR_MSG) {
                    byte[] bytes = new byte[length - 4];
                    message.get(position + 4, bytes);
                    text = new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
                }
                position += align(length);
            }
        }
        return new NativeCallException(call, interfaceName, errno, Native.libc().strerror(errno), text);
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
        receive(seq, "CTRL_CMD_GETFAMILY(ethtool)", null, reply -> {
            int position = NLMSG_HDRLEN + GENL_HDRLEN;
            while (position + 4 <= reply.limit()) {
                int attrLength = Short.toUnsignedInt(reply.getShort(position));
                if (attrLength < 4) {
                    break;
                }
                if ((Short.toUnsignedInt(reply.getShort(position + 2)) & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID) {
                    found[0] = Short.toUnsignedInt(reply.getShort(position + 4));
                }
                position += align(attrLength);
            }
        });
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
            default -> "ETHTOOL_MSG_" + command;
        };
    }

}
