package io.offloadctl.model;

import java.util.List;

/**
 * The netdev feature names (ETH_SS_FEATURES strings) in bit order as Linux 6.18 reports them,
 * followed by names older kernels used. The API validates and expands policy features against
 * this list because it has no interface to ask; nodes always use their own kernel's names, and a
 * policy feature an interface does not have is reported as unenforceable there.
 */
public final class KernelFeatureNames {

    private static final List<String> ALL = List.of(
            "tx-scatter-gather", "tx-checksum-ipv4", "tx-checksum-ip-generic", "tx-checksum-ipv6", "highdma",
            "tx-scatter-gather-fraglist", "tx-vlan-hw-insert", "rx-vlan-hw-parse", "rx-vlan-filter",
            "vlan-challenged", "tx-generic-segmentation", "rx-gro", "rx-lro", "tx-tcp-segmentation",
            "tx-gso-robust", "tx-tcp-ecn-segmentation", "tx-tcp-mangleid-segmentation", "tx-tcp6-segmentation",
            "tx-fcoe-segmentation", "tx-gre-segmentation", "tx-gre-csum-segmentation", "tx-ipxip4-segmentation",
            "tx-ipxip6-segmentation", "tx-udp_tnl-segmentation", "tx-udp_tnl-csum-segmentation", "tx-gso-partial",
            "tx-tunnel-remcsum-segmentation", "tx-sctp-segmentation", "tx-esp-segmentation", "tx-udp-segmentation",
            "tx-gso-list", "tx-tcp-accecn-segmentation", "tx-checksum-fcoe-crc", "tx-checksum-sctp",
            "rx-ntuple-filter", "rx-hashing", "rx-checksum", "tx-nocache-copy", "loopback", "rx-fcs", "rx-all",
            "tx-vlan-stag-hw-insert", "rx-vlan-stag-hw-parse", "rx-vlan-stag-filter", "l2-fwd-offload",
            "hw-tc-offload", "esp-hw-offload", "esp-tx-csum-hw-offload", "rx-udp_tunnel-port-offload",
            "tls-hw-tx-offload", "tls-hw-rx-offload", "rx-gro-hw", "tls-hw-record", "rx-gro-list",
            "macsec-hw-offload", "rx-udp-gro-forwarding", "hsr-tag-ins-offload", "hsr-tag-rm-offload",
            "hsr-fwd-offload", "hsr-dup-offload",
            // names of older kernels
            "tx-lockless", "netns-local", "tx-udp-fragmentation", "fcoe-mtu");

    private KernelFeatureNames() {
    }

    public static List<String> all() {
        return ALL;
    }
}
