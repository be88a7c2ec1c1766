#!/bin/sh
# The offload fault lab: two network namespaces joined by a veth pair, addresses from the
# benchmarking range 198.18.0.0/15. With --broken the receiving namespace drops every frame longer
# than 1500 bytes on input (nftables: meta length gt 1500 drop), which is what a virtual switch that
# cannot carry coalesced or large-send frames does (field reports 002 and 003).
#
#   bench/fault-lab.sh up NAME [--broken]   create NAME-tx (198.18.0.1, veth NAME-a) and NAME-rx
#                                           (198.18.0.2, veth NAME-b)
#   bench/fault-lab.sh down NAME            remove both namespaces (and with them the veth pair)
#   bench/fault-lab.sh demo [SECONDS]       see it: iperf3 with offloads on, then tso/gso off on the
#                                           sender, on a broken and on a clean path
#
# Needs root, iproute2 and nftables (demo: iperf3 and ethtool). Touches nothing outside its namespaces.
set -eu

up() {
    name=$1; broken=${2:-}
    tx="$name-tx"; rx="$name-rx"
    ip netns add "$tx"
    ip netns add "$rx"
    ip -n "$tx" link add "$name-a" type veth peer name "$name-b" netns "$rx"
    ip -n "$tx" addr add 198.18.0.1/30 dev "$name-a"
    ip -n "$rx" addr add 198.18.0.2/30 dev "$name-b"
    for ns in "$tx" "$rx"; do ip -n "$ns" link set lo up; done
    ip -n "$tx" link set "$name-a" up
    ip -n "$rx" link set "$name-b" up
    if [ "$broken" = "--broken" ]; then
        ip netns exec "$rx" nft -f - <<NFT
table inet offload_lab {
    chain input {
        type filter hook input priority 0; policy accept;
        meta length gt 1500 drop
    }
}
NFT
    fi
}

down() {
    name=$1
    ip netns del "$name-tx" 2>/dev/null || true
    ip netns del "$name-rx" 2>/dev/null || true
}

measure() {
    ip netns exec "$1-tx" iperf3 -c 198.18.0.2 -t "$2" -f m 2>&1 | grep -E 'sender|receiver' | sed 's/^/    /'
}

demo() {
    seconds=${1:-4}
    name="olab$$"
    trap 'down "$name"' EXIT INT TERM
    for path in --broken clean; do
        up "$name" "$path"
        ip netns exec "$name-rx" iperf3 -s -D -1 >/dev/null
        sleep 0.3
        echo "path: ${path#--}; offloads on (as the kernel sets them):"
        measure "$name" "$seconds"
        ip netns exec "$name-rx" iperf3 -s -D -1 >/dev/null
        ip netns exec "$name-tx" ethtool -K "$name-a" tso off gso off
        sleep 0.3
        echo "path: ${path#--}; tso off gso off on the sender:"
        measure "$name" "$seconds"
        down "$name"
    done
}

case "${1:-}" in
    up) shift; up "$@" ;;
    down) shift; down "$@" ;;
    demo) shift; demo "$@" ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
esac
