package io.offloadctl.model;

/** What sort of device an interface is, as far as offload diagnosis cares. */
public enum InterfaceKind {
    PHYSICAL, LOOPBACK, BRIDGE, BOND, VLAN, VETH, TAP, TUN, MACVLAN, MACVTAP, VXLAN, IFB, DUMMY, OTHER;

    /** The kind for an rtnetlink IFLA_INFO_KIND string, before tap/tun and loopback are told apart. */
    public static InterfaceKind fromLinkKind(String linkKind) {
        if (linkKind == null) {
            return PHYSICAL;
        }
        return switch (linkKind) {
            case "bridge" -> BRIDGE;
            case "bond" -> BOND;
            case "vlan" -> VLAN;
            case "veth" -> VETH;
            case "tun" -> TAP;
            case "macvlan" -> MACVLAN;
            case "macvtap" -> MACVTAP;
            case "vxlan" -> VXLAN;
            case "ifb" -> IFB;
            case "dummy" -> DUMMY;
            default -> OTHER;
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
