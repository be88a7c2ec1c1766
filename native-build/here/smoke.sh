#!/usr/bin/env bash
# The linked native offloadctl (link.sh) against ethtool, reading only: `--help` answers,
# `show IFACE` prints exactly `ethtool -k IFACE` for lo and, where present, eth0 (both read,
# never set), and a missing interface fails as the JVM binary fails. Not the kernel suite: see
# native-build/README.md. CI runs the `help` part; `all` adds the reads, which still fail natively
# (jnr-ffi cannot load libc in the image yet: README says what was seen).
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
"$bin" show offloadctl-no-such0 >/dev/null 2>&1; native=$?
set -e
[ "$native" -ne 0 ] || fail "show of a missing interface exited 0"
echo "smoke: show of a missing interface exits $native" >&2
