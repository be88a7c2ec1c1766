#!/usr/bin/env bash
# Benchmark of the two forms offloadctl ships in, against ethtool, in one run: the self-contained
# bundle (jlink runtime + AOT cache, no Java on the host) and the JVM launcher of the build, each
# doing `show IFACE` and `set IFACE gro off`, against `ethtool -k` and `ethtool -K`. Everything runs
# inside a test namespace holding a veth pair (ip netns exec for every tool alike), so nothing of
# the host changes. Per command: median wall (hyperfine, 25 runs after 3 warm-ups), peak RSS (GNU
# time, largest of 5), system calls of one run (strace -f -c). Plus the bundle's size.
# Writes the table into BENCHMARKS.md between the distribution markers.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=node-binary/target/offloadctl
tarball=$(ls node-binary/target/offloadctl-*-linux-x86_64.tar.gz 2>/dev/null | head -1)
for tool in hyperfine strace /usr/bin/time ethtool; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool" >&2; exit 1; }
done
[ -x "$launcher" ] && [ -n "$tarball" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
ns=oct-bench-dist-$$
trap 'ip netns del "$ns" 2>/dev/null; rm -rf "$work"' EXIT
. bench/measure.sh
ip netns add "$ns"
ip -n "$ns" link add va type veth peer name vb
tar -C "$work" -xzf "$tarball"
bundle=$(ls -d "$work"/offloadctl-*/)offloadctl
"$bundle" show lo >/dev/null   # the first start expands the AOT cache into the runtime directory

in_ns() { echo "ip netns exec $ns $*"; }
declare -A label=(
  [ethtool-k]="ethtool -k va" [bundle-show]="bundle: offloadctl show va" [jvm-show]="JVM launcher: offloadctl show va"
  [ethtool-K]="ethtool -K va gro off" [bundle-set]="bundle: offloadctl set va gro off" [jvm-set]="JVM launcher: offloadctl set va gro off"
)
declare -A cmd=(
  [ethtool-k]="$(in_ns ethtool -k va)" [bundle-show]="$(in_ns "$bundle" show va)" [jvm-show]="$(in_ns "$launcher" show va)"
  [ethtool-K]="$(in_ns ethtool -K va gro off)" [bundle-set]="$(in_ns "$bundle" set va gro off)" [jvm-set]="$(in_ns "$launcher" set va gro off)"
)
order=(ethtool-k bundle-show jvm-show ethtool-K bundle-set jvm-set)
declare -A wall rss calls
measure_all
unpacked=$(du -sm "$(dirname "$bundle")" | cut -f1)
packed=$(( $(stat -c %s "$tarball") / 1024 / 1024 ))
aot=$(ls -l /run/offloadctl/*.aot 2>/dev/null | awk '{s=$5} END {printf "%.0f", s/1048576}')
table=$(
  echo "Veth \`va\` in a test namespace, every command under \`ip netns exec\` (≈ 2 ms of its own); $(nproc) cores, kernel $(uname -r), ethtool $(ethtool --version | awk '{print $3}'), $(date -u +%F)."
  echo
  measured_rows
  echo
  echo "Bundle \`$(basename "$tarball")\`: $packed MB packed, $unpacked MB unpacked; its AOT cache is shipped gzip-compressed and expanded on first start into the runtime directory (/run/offloadctl, tmpfs): ${aot:-?} MB there."
)
python3 bench/write-section.py distribution "The distribution: bundle and JVM launcher against ethtool" "bench/distribution-vs-ethtool.sh" "$table"
echo "$table"
