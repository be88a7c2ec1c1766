#!/usr/bin/env bash
# Benchmark: `offloadctl show IFACE` and `offloadctl info IFACE` against `ethtool -k IFACE` and
# `ethtool -i IFACE`, on the same interface, in one run. Read-only: nothing is changed.
# For each command: median wall time (hyperfine), peak RSS (GNU time, the largest of 5 runs) and
# the number of system calls of one run (strace -f -c, every thread). Writes the table into
# BENCHMARKS.md between the show-info markers.
# Usage: bench/show-info-vs-ethtool.sh [IFACE]   (default: eth0 if present, else lo)
set -euo pipefail
cd "$(dirname "$0")/.."
iface=${1:-$( [ -e /sys/class/net/eth0 ] && echo eth0 || echo lo )}
offloadctl=node-binary/target/offloadctl
for tool in hyperfine strace /usr/bin/time ethtool; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install hyperfine strace time ethtool)" >&2; exit 1; }
done
[ -x "$offloadctl" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. bench/measure.sh

declare -A label=(
  [ethtool-k]="ethtool -k $iface"
  [show]="offloadctl show $iface"
  [show-noaot]="offloadctl show $iface (no AOT cache)"
  [ethtool-i]="ethtool -i $iface"
  [info]="offloadctl info $iface"
)
declare -A cmd=(
  [ethtool-k]="ethtool -k $iface"
  [show]="$offloadctl show $iface"
  [show-noaot]="env OFFLOADCTL_NO_AOT=1 $offloadctl show $iface"
  [ethtool-i]="ethtool -i $iface"
  [info]="$offloadctl info $iface"
)
order=(ethtool-k show show-noaot ethtool-i info)
declare -A wall rss calls
measure_all
ratio() { python3 -c "print('%.0f' % ($1/$2))"; }

table=$(
  driver=$(ethtool -i "$iface" 2>/dev/null | sed -n 's/^driver: //p')
  echo "Interface \`$iface\` (driver ${driver:-none}), $(nproc) cores, kernel $(uname -r), $(sed -n 's/^java="\${OFFLOADCTL_JAVA:-\(.*\)}"$/\1/p' "$offloadctl"), ethtool $(ethtool --version | awk '{print $3}'), $(date -u +%F)."
  echo
  measured_rows
  echo
  echo "Ratios, offloadctl / ethtool: show ${wall[show]}/${wall[ethtool-k]} ms = $(ratio "${wall[show]}" "${wall[ethtool-k]}")x wall, $(ratio "${rss[show]}" "${rss[ethtool-k]}")x RSS, $(ratio "${calls[show]}" "${calls[ethtool-k]}")x syscalls; info $(ratio "${wall[info]}" "${wall[ethtool-i]}")x wall, $(ratio "${rss[info]}" "${rss[ethtool-i]}")x RSS, $(ratio "${calls[info]}" "${calls[ethtool-i]}")x syscalls."
)

python3 bench/write-section.py show-info "show and info against ethtool" "bench/show-info-vs-ethtool.sh (hyperfine -N, 3 warm-ups, 25 runs; GNU time, largest of 5; strace -f -c of one run)" "$table"
echo "$table"
