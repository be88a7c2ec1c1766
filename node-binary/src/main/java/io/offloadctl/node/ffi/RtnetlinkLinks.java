package io.offloadctl.node.ffi;

import static io.offloadctl.node.ffi.NetlinkMessages.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.offloadctl.model.settings.LinkLimit;

/**
 * RTM_GETLINK over a {@link NetlinkSocket}: every interface of the socket's namespace, with the
 * attributes offloadctl reads; RTM_NEWLINK for the size limits it sets. Layouts (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h):
 * nlmsghdr 16 bytes {len u32, type u16, flags u16, seq u32, pid u32}; ifinfomsg 16 bytes
 * {family u8, pad u8, type u16, index s32, flags u32, change u32}; rtattr 4 bytes {len u16,
 * type u16}; all aligned to 4 bytes.
 */
public final class RtnetlinkLinks {

    private static final int IFINFOMSG_LEN = 16;
    private static final int RTA_HDRLEN = 4;

    private static final short RTM_NEWLINK = 16;
    private static final short RTM_DELLINK = 17;
    /** Multicast group of link notifications (RTMGRP_LINK, for RTNLGRP_LINK = 1). */
    public static final int RTMGRP_LINK = 1;
    private static final short RTM_GETLINK = 18;
    private static final short NLM_F_DUMP = 0x300;

    private static final int IFLA_IFNAME = 3;
    private static final int IFLA_MTU = 4;
    private static final int IFLA_MASTER = 10;
    private static final int IFLA_OPERSTATE = 16;
    private static final int IFLA_LINKINFO = 18;
    private static final int IFLA_STATS64 = 23;
    private static final int IFLA_EVENT = 44;
    private static final int IFLA_ALT_IFNAME = 53;
    private static final int IFLA_EVENT_FEATURES = 2;
    private static final int IFLA_INFO_KIND = 1;

    /** The attribute of each size limit (linux/if_link.h: IFLA_GSO_MAX_SEGS 40, IFLA_GSO_MAX_SIZE 41, ...), all u32. */
    private static int attribute(LinkLimit limit) {
        return switch (limit) {
            case gso_max_segs -> 40;
            case gso_max_size -> 41;
            case gro_max_size -> 58;
            case tso_max_size -> 59;
            case tso_max_segs -> 60;
            case gso_ipv4_max_size -> 63;
            case gro_ipv4_max_size -> 64;
        };
    }

    private static final Map<Integer, LinkLimit> LIMITS_BY_ATTRIBUTE = limitsByAttribute();

    private static Map<Integer, LinkLimit> limitsByAttribute() {
        Map<Integer, LinkLimit> byAttribute = new java.util.HashMap<>();
        for (LinkLimit limit : LinkLimit.values()) {
            byAttribute.put(attribute(limit), limit);
        }
        return Map.copyOf(byAttribute);
    }

    /** struct rtnl_link_stats64, field by field, under the names of /sys/class/net/IFACE/statistics. */
    private static final List<String> STATS64_FIELDS = List.of(
            "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped",
            "tx_dropped", "multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors",
            "rx_frame_errors", "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors",
            "tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
            "rx_nohandler");

    private final NetlinkSocket socket;
    private int sequence;

    public RtnetlinkLinks(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** Every interface of the namespace, in the kernel's order (by index). */
    public List<LinkRecord> dump() {
        int seq = ++sequence;
        socket.send(request(seq, (short) (NLM_F_REQUEST | NLM_F_DUMP), null));
        return receive(seq, false);
    }

    /**
     * The interface the kernel finds under {@code name}, its own name or an alternative one
     * ({@code ip link property add altname}, up to 127 bytes): RTM_GETLINK with IFLA_ALT_IFNAME,
     * which the kernel looks up among both (rtnl_dev_get, __dev_get_by_name). Empty when no
     * interface has that name (ENODEV).
     */
    public Optional<LinkRecord> named(String name) {
        int seq = ++sequence;
        socket.send(request(seq, NLM_F_REQUEST, name));
        List<LinkRecord> found = receive(seq, true);
        return found.stream().findFirst();
    }

    /**
     * The RTM_NEWLINK answers to request {@code seq}: until NLMSG_DONE for a dump, the first
     * answer for a single link; {@code missingIsEmpty}: ENODEV is no answer rather than an error.
     */
    private List<LinkRecord> receive(int seq, boolean missingIsEmpty) {
        List<LinkRecord> links = new ArrayList<>();
        while (true) {
            ByteBuffer datagram = socket.receive();
            while (datagram.remaining() >= NLMSG_HDRLEN) {
                int start = datagram.position();
                int length = datagram.getInt(start);
                short type = datagram.getShort(start + 4);
                if (length < NLMSG_HDRLEN || start + length > datagram.limit()) {
                    throw new NativeCallException("RTM_GETLINK", null, Errno.EINVAL, "malformed netlink message");
                }
                if (type == NLMSG_DONE) {
                    return links;
                }
                if (type == NLMSG_ERROR && datagram.getInt(start + 8) == seq) {
                    int errno = -datagram.getInt(start + NLMSG_HDRLEN);
                    if (errno == 0 || (missingIsEmpty && errno == Errno.ENODEV)) {
                        return links;
                    }
                    throw new NativeCallException("RTM_GETLINK", null, errno, Native.libc().strerror(errno));
                }
                if (type == RTM_NEWLINK && datagram.getInt(start + 8) == seq) {
                    links.add(parseLink(datagram.slice(start, length).order(datagram.order())));
                    if (missingIsEmpty) {
                        return links;
                    }
                }
                datagram.position(Math.min(datagram.limit(), start + align(length)));
            }
        }
    }

    /**
     * Sets size limits of the interface with index {@code index} (what {@code ip link set dev IFACE
     * gso_max_size N} sends): RTM_NEWLINK with the attributes, u32 each, acknowledged. The kernel
     * checks them (a gso_max_size above tso_max_size is EINVAL).
     */
    public void setLimits(int index, Map<LinkLimit, Long> limits) {
        int seq = ++sequence;
        int length = NLMSG_HDRLEN + IFINFOMSG_LEN + limits.size() * (RTA_HDRLEN + 4);
        ByteBuffer request = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        request.putInt(length).putShort(RTM_NEWLINK).putShort((short) (NLM_F_REQUEST | NLM_F_ACK)).putInt(seq).putInt(0);
        request.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(index).putInt(0).putInt(0);
        limits.forEach((limit, value) -> {
            if (!limit.settable()) {
                throw new IllegalArgumentException(limit + " cannot be set");
            }
            request.putShort((short) (RTA_HDRLEN + 4)).putShort((short) attribute(limit)).putInt((int) (long) value);
        });
        socket.send(request.flip());
        while (true) {
            ByteBuffer datagram = socket.receive();
            while (datagram.remaining() >= NLMSG_HDRLEN) {
                int start = datagram.position();
                int messageLength = datagram.getInt(start);
                if (messageLength < NLMSG_HDRLEN || start + messageLength > datagram.limit()) {
                    throw new NativeCallException("RTM_NEWLINK", null, Errno.EINVAL, "malformed netlink message");
                }
                if (datagram.getShort(start + 4) == NLMSG_ERROR && datagram.getInt(start + 8) == seq) {
                    int errno = -datagram.getInt(start + NLMSG_HDRLEN);
                    if (errno == 0) {
                        return;
                    }
                    throw new NativeCallException("RTM_NEWLINK", null, errno, Native.libc().strerror(errno));
                }
                datagram.position(Math.min(datagram.limit(), start + align(messageLength)));
            }
        }
    }

    /** What a link notification says: a link appeared or changed (features among it), or is gone. */
    public record LinkEvent(boolean deleted, int index, String name, boolean featuresChanged) {
    }

    /**
     * The link notifications in one datagram of a socket subscribed to {@link #RTMGRP_LINK}: the
     * kernel sends RTM_NEWLINK for a new or changed link, with IFLA_EVENT = IFLA_EVENT_FEATURES when
     * its features changed (netdev_features_change), and RTM_DELLINK for one that is gone.
     */
    public static List<LinkEvent> events(ByteBuffer datagram) {
        List<LinkEvent> events = new ArrayList<>();
        while (datagram.remaining() >= NLMSG_HDRLEN) {
            int start = datagram.position();
            int length = datagram.getInt(start);
            short type = datagram.getShort(start + 4);
            if (length < NLMSG_HDRLEN || start + length > datagram.limit()) {
                break;
            }
            if ((type == RTM_NEWLINK || type == RTM_DELLINK) && length >= NLMSG_HDRLEN + IFINFOMSG_LEN) {
                ByteBuffer message = datagram.slice(start, length).order(datagram.order());
                LinkRecord link = parseLink(message);
                events.add(new LinkEvent(type == RTM_DELLINK, link.index(), link.name(), hasFeaturesEvent(message)));
            }
            datagram.position(Math.min(datagram.limit(), start + align(length)));
        }
        return events;
    }

    private static boolean hasFeaturesEvent(ByteBuffer message) {
        int offset = NLMSG_HDRLEN + IFINFOMSG_LEN;
        while (offset + RTA_HDRLEN <= message.limit()) {
            int length = Short.toUnsignedInt(message.getShort(offset));
            if (length < RTA_HDRLEN || offset + length > message.limit()) {
                return false;
            }
            if ((message.getShort(offset + 2) & NLA_TYPE_MASK) == IFLA_EVENT && length >= RTA_HDRLEN + 4) {
                return message.getInt(offset + RTA_HDRLEN) == IFLA_EVENT_FEATURES;
            }
            offset += align(length);
        }
        return false;
    }

    /** nlmsghdr, a zero ifinfomsg and, when {@code name} is given, IFLA_ALT_IFNAME with it (NUL-terminated). */
    private static ByteBuffer request(int seq, short flags, String name) {
        byte[] nameBytes = name == null ? null : (name + "\0").getBytes(StandardCharsets.UTF_8);
        int attribute = nameBytes == null ? 0 : align(RTA_HDRLEN + nameBytes.length);
        int length = NLMSG_HDRLEN + IFINFOMSG_LEN + attribute;
        ByteBuffer request = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        request.putInt(length).putShort(RTM_GETLINK).putShort(flags).putInt(seq).putInt(0);
        request.put(new byte[IFINFOMSG_LEN]);
        if (nameBytes != null) {
            request.putShort((short) (RTA_HDRLEN + nameBytes.length)).putShort((short) IFLA_ALT_IFNAME).put(nameBytes);
            request.position(length);
        }
        return request.flip();
    }

    static LinkRecord parseLink(ByteBuffer message) {
        int arpType = Short.toUnsignedInt(message.getShort(NLMSG_HDRLEN + 2));
        int index = message.getInt(NLMSG_HDRLEN + 4);
        int flags = message.getInt(NLMSG_HDRLEN + 8);
        String name = null;
        String kind = null;
        int mtu = 0;
        int operState = 0;
        int master = 0;
        Map<String, Long> stats = new LinkedHashMap<>();
        Map<LinkLimit, Long> limits = new java.util.EnumMap<>(LinkLimit.class);
        int offset = NLMSG_HDRLEN + IFINFOMSG_LEN;
        while (offset + RTA_HDRLEN <= message.limit()) {
            int length = Short.toUnsignedInt(message.getShort(offset));
            int type = message.getShort(offset + 2) & NLA_TYPE_MASK;
            if (length < RTA_HDRLEN || offset + length > message.limit()) {
                break;
            }
            int payload = offset + RTA_HDRLEN;
            int payloadLength = length - RTA_HDRLEN;
            switch (type) {
                case IFLA_IFNAME -> name = string(message, payload, payloadLength);
                case IFLA_MTU -> mtu = message.getInt(payload);
                case IFLA_MASTER -> master = message.getInt(payload);
                case IFLA_OPERSTATE -> operState = Byte.toUnsignedInt(message.get(payload));
                case IFLA_LINKINFO -> kind = linkKind(message, payload, payloadLength);
                case IFLA_STATS64 -> {
                    for (int i = 0; i < STATS64_FIELDS.size() && (i + 1) * 8 <= payloadLength; i++) {
                        stats.put(STATS64_FIELDS.get(i), message.getLong(payload + i * 8));
                    }
                }
                default -> {
                    LinkLimit limit = LIMITS_BY_ATTRIBUTE.get(type);
                    if (limit != null && payloadLength >= 4) {
                        limits.put(limit, Integer.toUnsignedLong(message.getInt(payload)));
                    }
                }
            }
            offset += align(length);
        }
        return new LinkRecord(index, name, arpType, flags, mtu, operState, master, kind, stats, limits);
    }

    private static String linkKind(ByteBuffer message, int start, int length) {
        int offset = start;
        while (offset + RTA_HDRLEN <= start + length) {
            int attrLength = Short.toUnsignedInt(message.getShort(offset));
            int type = message.getShort(offset + 2) & NLA_TYPE_MASK;
            if (attrLength < RTA_HDRLEN) {
                return null;
            }
            if (type == IFLA_INFO_KIND) {
                return string(message, offset + RTA_HDRLEN, attrLength - RTA_HDRLEN);
            }
            offset += align(attrLength);
        }
        return null;
    }

    private static String string(ByteBuffer message, int start, int length) {
        int end = start;
        while (end < start + length && message.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        message.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
