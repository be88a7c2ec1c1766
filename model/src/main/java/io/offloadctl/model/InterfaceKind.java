package io.offloadctl.model;

/**
 * What sort of device an interface is, as far as offload diagnosis cares. The constants are
 * lower case because they are the words on the wire ({@code "kind": "veth"}).
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(description = "What sort of device an interface is: "
        + "physical (a NIC with a driver of its own), loopback, bridge, bond, vlan, veth, tap, tun, macvlan, macvtap, vxlan, geneve, ipip, "
        + "ifb, dummy, or other.")
public enum InterfaceKind {
    physical, loopback, bridge, bond, vlan, veth, tap, tun, macvlan, macvtap, vxlan, geneve, ipip, ifb, dummy, other;

    /** The kind for an rtnetlink IFLA_INFO_KIND string, before tap/tun and loopback are told apart. */
    public static InterfaceKind fromLinkKind(String linkKind) {
        if (linkKind == null) {
            return physical;
        }
        return switch (linkKind) {
            case "bridge" -> bridge;
            case "bond" -> bond;
            case "vlan" -> vlan;
            case "veth" -> veth;
            case "tun" -> tap;
            case "macvlan" -> macvlan;
            case "macvtap" -> macvtap;
            case "vxlan" -> vxlan;
            case "geneve" -> geneve;
            case "ipip" -> ipip;
            case "ifb" -> ifb;
            case "dummy" -> dummy;
            default -> other;
        };
    }
}
