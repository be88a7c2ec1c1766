package io.offloadctl.node.ffi;

import java.util.Map;

import io.offloadctl.model.settings.LinkLimit;

/**
 * One interface as an rtnetlink RTM_NEWLINK message describes it.
 *
 * @param index     ifi_index
 * @param name      IFLA_IFNAME
 * @param arpType   ifi_type (ARPHRD_*)
 * @param flags     ifi_flags (IFF_*)
 * @param mtu       IFLA_MTU
 * @param operState IFLA_OPERSTATE (IF_OPER_*)
 * @param master    IFLA_MASTER, 0 when none
 * @param linkKind  IFLA_LINKINFO / IFLA_INFO_KIND, null for devices without one (physical, loopback)
 * @param stats     IFLA_STATS64, by the field names sysfs uses under statistics/
 * @param limits    IFLA_GSO_MAX_SIZE and the other size limits the kernel sends (older kernels send fewer)
 */
public record LinkRecord(int index, String name, int arpType, int flags, int mtu, int operState, int master,
                         String linkKind, Map<String, Long> stats, Map<LinkLimit, Long> limits) {

    public static final int IFF_LOOPBACK = 0x8;
    public static final int ARPHRD_ETHER = 1;
}
