#!/usr/bin/env bash
# offloadctl perf client against iperf3 on the same path, in the same run: the clean fault-lab
# path (two namespaces over veth, 198.18.0.0/15, offloads as the kernel sets them). ROUNDS rounds,
# each one iperf3 run and one offloadctl run of SECONDS seconds, alternating so both see the same
# machine; medians of the receiver-side rates, and their ratio (target: offloadctl/iperf3 >= 0.9).
# Also the broken path once each, to show both tools see the same collapse.
# Writes the results into BENCHMARKS.md between the perf markers. Usage: [ROUNDS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
rounds=${1:-5}
seconds=${2:-5}
offloadctl=node-binary/target/offloadctl
[ -x "$offloadctl" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
lab=operf$$
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  bench/fault-lab.sh down "$lab"
}
trap cleanup EXIT

iperf3_bps() { # receiver side bits/s of one iperf3 run
  ip netns exec "$lab-rx" iperf3 -s -1 -D >/dev/null
  sleep 0.3
  ip netns exec "$lab-tx" iperf3 -c 198.18.0.2 -t "$1" -J | python3 -c 'import json,sys; print(json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"])'
}
offloadctl_bps() {
  "$offloadctl" --netns "$lab-tx" perf client 198.18.0.2 --duration "${1}s" --json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["bitsPerSecond"])'
}
median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
gbit() { python3 -c 'import sys; v=float(sys.argv[1]); print(f"{v/1e9:.2f} Gbit/s" if v >= 1e8 else f"{v/1e3:.0f} kbit/s")' "$1"; }

run_path() { # $1: --broken or empty; $2: rounds; prints "iperf3-median offloadctl-median"
  bench/fault-lab.sh up "$lab" $1
  "$offloadctl" --netns "$lab-rx" perf server >/dev/null 2>&1 &
  server_pid=$!
  sleep 1.5
  local i=() o=()
  for r in $(seq 1 "$2"); do
    i+=("$(iperf3_bps "$seconds")")
    o+=("$(offloadctl_bps "$seconds")")
    echo "  round $r: iperf3 $(gbit "${i[-1]}"), offloadctl $(gbit "${o[-1]}")" >&2
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  bench/fault-lab.sh down "$lab"
  echo "$(median "${i[@]}") $(median "${o[@]}")"
}

echo "clean path, $rounds rounds of ${seconds} s" >&2
read -r clean_i clean_o < <(run_path "" "$rounds")
echo "broken path, 1 round" >&2
read -r broken_i broken_o < <(run_path --broken 1)
ratio=$(python3 -c "print(f'{$clean_o/$clean_i:.2f}')")
table=$(cat <<TABLE
| path | iperf3 (receiver) | offloadctl perf (receiver) | offloadctl / iperf3 |
|---|---:|---:|---:|
| clean veth, offloads on (median of $rounds × ${seconds} s, alternating) | $(gbit "$clean_i") | $(gbit "$clean_o") | **$ratio** |
| broken: receiver drops frames > 1500 B (1 × ${seconds} s) | $(gbit "$broken_i") | $(gbit "$broken_o") | both collapse |

One stream each; offloadctl's figure is what the server received within the window (it sends the
count back), iperf3's is its receiver sum. Target: ratio ≥ 0.9.
TABLE
)
python3 bench/write-section.py perf "offloadctl perf against iperf3" "bench/perf-vs-iperf3.sh $rounds $seconds" "$table"
echo "$table"
