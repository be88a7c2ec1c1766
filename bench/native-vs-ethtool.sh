#!/usr/bin/env bash
# Benchmark: the native offloadctl (native-build/here: node-binary/target/native-here/dist) against
# ethtool and against the JVM launcher, in one run: `show` (ethtool -k) and `info` (ethtool -i) on
# IFACE, read only; `set` (ethtool -K) on a veth inside a namespace this script creates and removes,
# every timed run making a real change (GRO is turned off before each run, the command turns it
# on). All three set commands run through the same `ip netns exec`. For each command: median wall
# time (hyperfine), peak RSS (GNU time, largest of 5), system calls of one run (strace -f -c).
# Writes the table into BENCHMARKS.md between the native markers.
# Usage: bench/native-vs-ethtool.sh [IFACE]   (default: eth0 if present, else lo)
set -euo pipefail
cd "$(dirname "$0")/.."
iface=${1:-$( [ -e /sys/class/net/eth0 ] && echo eth0 || echo lo )}
native=node-binary/target/native-here/dist/offloadctl
jvm=node-binary/target/offloadctl
for tool in hyperfine strace /usr/bin/time ethtool ip; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install hyperfine strace time ethtool iproute2)" >&2; exit 1; }
done
[ -x "$native" ] || { echo "build the native image first: bash native-build/here/build.sh && bash native-build/here/link.sh node-binary/target/native-here \$JAVA_HOME" >&2; exit 1; }
[ -x "$jvm" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
ns=oct-bench-native-$$
cleanup() { ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link add va type veth peer name vb

. bench/measure.sh

in_ns="ip netns exec $ns"
declare -A label=(
  [ethtool-k]="ethtool -k $iface" [show-native]="offloadctl show $iface (native)" [show-jvm]="offloadctl show $iface (JVM)"
  [ethtool-i]="ethtool -i $iface" [info-native]="offloadctl info $iface (native)" [info-jvm]="offloadctl info $iface (JVM)"
  [ethtool-K]="ethtool -K va gro on" [set-native]="offloadctl set va gro on (native)" [set-jvm]="offloadctl set va gro on (JVM)"
)
declare -A cmd=(
  [ethtool-k]="ethtool -k $iface" [show-native]="$native show $iface" [show-jvm]="$jvm show $iface"
  [ethtool-i]="ethtool -i $iface" [info-native]="$native info $iface" [info-jvm]="$jvm info $iface"
  [ethtool-K]="$in_ns ethtool -K va gro on" [set-native]="$in_ns $native set va gro on" [set-jvm]="$in_ns $jvm set va gro on"
)
gro_off="$in_ns ethtool -K va gro off"
declare -A prepare=([ethtool-K]=$gro_off [set-native]=$gro_off [set-jvm]=$gro_off)
order=(ethtool-k show-native show-jvm ethtool-i info-native info-jvm ethtool-K set-native set-jvm)
declare -A wall rss calls
measure_all
$in_ns ethtool -K va gro off
$in_ns "$native" set va gro on >/dev/null
$in_ns ethtool -k va | grep -q '^generic-receive-offload: on' || { echo "the native set did not turn GRO on" >&2; exit 1; }
ratio() { python3 -c "print('%.1f' % ($1/$2))"; }

table=$(
  driver=$(ethtool -i "$iface" 2>/dev/null | sed -n 's/^driver: //p')
  echo "Interface \`$iface\` (driver ${driver:-none}) for show and info, a veth in a namespace for set; $(nproc) cores, kernel $(uname -r), ethtool $(ethtool --version | awk '{print $3}'), $(date -u +%F). Goals (issue 16): native show ≤ 10 ms median, ≤ 25 MB peak RSS."
  echo
  measured_rows
  echo
  echo "Native / ethtool: show $(ratio "${wall[show-native]}" "${wall[ethtool-k]}")x wall, $(ratio "${rss[show-native]}" "${rss[ethtool-k]}")x RSS, $(ratio "${calls[show-native]}" "${calls[ethtool-k]}")x syscalls; set $(ratio "${wall[set-native]}" "${wall[ethtool-K]}")x wall. JVM / native: show $(ratio "${wall[show-jvm]}" "${wall[show-native]}")x wall, $(ratio "${rss[show-jvm]}" "${rss[show-native]}")x RSS."
)
python3 bench/write-section.py native "The native offloadctl against ethtool and the JVM launcher" "bench/native-vs-ethtool.sh (hyperfine -N, 3 warm-ups, 25 runs, set: --prepare gro off; GNU time, largest of 5; strace -f -c of one run)" "$table"
echo "$table"
