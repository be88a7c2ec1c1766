#!/usr/bin/env bash
# The linked native offloadctl (link.sh) against ethtool, reading only: `--help` answers,
# `show IFACE` prints exactly `ethtool -k IFACE` for lo and, where present, eth0 (both read,
# never set), a missing interface fails, and the tarball beside DIST_DIR (link.sh) unpacked
# elsewhere runs the same (its libraries are found through $ORIGIN). The kernel suite runs after
# this (run-tests: surefire's native-binary execution).
# Usage: smoke.sh DIST_DIR [help|all]
set -euo pipefail
bin=$1/offloadctl
part=${2:-all}
fail() { echo "smoke: $*" >&2; exit 1; }
help=$("$bin" --help 2>&1) || fail "--help exited $?: $help"
grep -q "Usage: offloadctl" <<<"$help" || fail "--help printed no usage: $help"
echo "smoke: the native offloadctl starts and answers --help" >&2
[ "$part" = all ] || exit 0
for iface in lo eth0; do
    [ -e "/sys/class/net/$iface" ] || continue
    want=$(ethtool -k "$iface")
    got=$("$bin" show "$iface") || fail "show $iface exited $?"
    [ "$got" = "$want" ] || fail "show $iface differs from ethtool -k: $(diff <(echo "$want") <(echo "$got") | head -20)"
    echo "smoke: show $iface = ethtool -k $iface ($(wc -l <<<"$got") lines)" >&2
done
set +e
"$bin" show octl-nosuch0 >/dev/null 2>&1; native=$?
set -e
[ "$native" -ne 0 ] || fail "show of a missing interface exited 0"
echo "smoke: show of a missing interface exits $native" >&2
for tarball in "$1"/../offloadctl-native-linux-*.tar.gz; do
    [ -e "$tarball" ] || continue
    unpacked=$(mktemp -d)
    trap 'rm -rf "$unpacked"' EXIT
    tar -C "$unpacked" -xzf "$tarball"
    got=$("$unpacked/offloadctl-native/offloadctl" show lo) || fail "show lo from the unpacked $(basename "$tarball") exited $?"
    [ "$got" = "$(ethtool -k lo)" ] || fail "show lo from the unpacked $(basename "$tarball") differs from ethtool -k lo"
    echo "smoke: $(basename "$tarball") unpacked elsewhere: show lo = ethtool -k lo" >&2
done
