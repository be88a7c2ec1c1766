#!/usr/bin/env bash
# Benchmark of the agent, in one run against the packaged API (embedded database) and one test
# namespace node (bridge br0 with veth vb and tap0), agent at a 30 s interval and its default
# safety poll (60 s); drift wakes it through link notifications:
#  - drift to repair: `ethtool -K vb gro on` inside the node, time until ethtool shows it off again
#    (REPAIRS times; each check runs ethtool, about 5-10 ms, so that is the resolution);
#  - agent CPU and RSS over WINDOW seconds of steady state, CPU extrapolated to an hour;
#  - system calls of the agent process over one 30 s interval (strace -f -c).
# Writes the results into BENCHMARKS.md between the agent markers, or the agent-native markers when
# BINARY (default: the JVM launcher node-binary/target/offloadctl) is the native image
# (native-build/here: node-binary/target/native-here/dist/offloadctl). Usage: [REPAIRS] [WINDOW] [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
repairs=${1:-10}
window=${2:-120}
api=api/target/offloadctl-api/bin/offloadctl-api
offloadctl=${3:-node-binary/target/offloadctl}
if file -L "$offloadctl" | grep -q ELF; then
  section=agent-native title="The agent, native image: drift repair, CPU, memory, system calls" how="the native image (native-build/here)" goal_rss="; natively (issue 16) RSS ≤ 40 MB"
else
  section=agent title="The agent: drift repair, CPU, memory, system calls" how="the JVM launcher" goal_rss=
fi
[ -x "$api" ] && [ -x "$offloadctl" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
node=oct-bench-agent-$$
data=$(mktemp -d)
port=18095
token=bench-agent-token
api_pid= agent_pid=
cleanup() {
  [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null
  ip netns del "$node" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

ip netns add "$node"
ip -n "$node" link add va type veth peer name vb
ip -n "$node" link add br0 type bridge
ip -n "$node" link set vb master br0
ip -n "$node" tuntap add dev tap0 mode tap
ip -n "$node" link set tap0 master br0

OFFLOADCTL_DATA_DIR=$data OFFLOADCTL_PORT=$port OFFLOADCTL_ADMIN_TOKEN=$token "$api" >"$data/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"ports","priority":1,"mode":"enforce","selector":{"interfaces":["vb","tap*"]},"features":{"gro":false,"gso":false}}' \
  "http://127.0.0.1:$port/api/v1/policies"

OFFLOADCTL_TOKEN=$token "$offloadctl" --netns "$node" agent --server "http://127.0.0.1:$port" --node "$node" \
  --interval 30s --contest-limit 1000 --cache "$data/desired.json" >"$data/agent.log" 2>&1 &
launcher=$!
sleep 8
agent_pid=$(pgrep -P "$launcher" java || echo "$launcher")

feature_off() { ip netns exec "$node" ethtool -k vb | grep -q '^generic-receive-offload: off'; }
# Waits (at most 10 s) until vb's GRO is off again; fails the benchmark otherwise.
await_off() {
  local deadline=$(( $(date +%s) + 10 ))
  until feature_off; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "vb was not repaired within 10 s; see $data/agent.log" >&2; tail -5 "$data/agent.log" >&2; exit 1; }
    [ "${1:-}" = busy ] || sleep 0.1
  done
}
times=()
for _ in $(seq 1 "$repairs"); do
  await_off
  ip netns exec "$node" ethtool -K vb gro on
  start=$(date +%s%N)
  await_off busy
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  sleep 1.5
done
repair=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, max %d ms (%d repairs)", a[int((NR+1)/2)], a[NR], NR}')

ticks=$(getconf CLK_TCK)
threads() { for t in /proc/$agent_pid/task/*; do echo "$(basename "$t") $(tr ' ' _ <"$t/comm") $(awk '{print $14+$15}' "$t/stat")"; done | sort; }
cpu0=$(awk '{print $14+$15}' /proc/$agent_pid/stat)
threads >"$data/threads0"
sleep "$window"
cpu1=$(awk '{print $14+$15}' /proc/$agent_pid/stat)
threads >"$data/threads1"
# CPU per thread name over the window (threads that ended meanwhile are not counted), most first.
by_thread=$(join -a2 "$data/threads0" "$data/threads1" | awk -v t="$ticks" -v w="$window" \
  '{d = (NF == 3 ? $3 : $5 - $3); n = $2; sub(/-[0-9]+-/, "-N-", n); s[n] += d}
   END {for (n in s) if (s[n] > 0) printf "%s %.1f\n", n, s[n] / t * 3600 / w}' | sort -k2 -nr | head -6 \
  | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}')
cpu_per_hour=$(python3 -c "print('%.1f' % (($cpu1-$cpu0)/$ticks*3600/$window))")
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$agent_pid/status)
hwm=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' /proc/$agent_pid/status)

timeout 31 strace -f -c -o "$data/strace" -p "$agent_pid" >/dev/null 2>&1 || true
calls=$(awk '/ total$/ {print $4}' "$data/strace")
per_poll_and_cycle="$calls in 30 s (one report cycle; a safety poll every 60 s)"

table=$(cat <<TABLE
One node (namespace with br0, vb, tap0, va), policy \`gro off gso off\` on vb and tap*, agent
\`--interval 30s --contest-limit 1000\` (safety poll 60 s, link notifications; the limit so that the benchmark's own
repeated drift is not declared contested) through $how, API on its embedded
database, same 2 cores. Goals (issue 12): repair median ≤ 100 ms, idle CPU ≤ 2 CPU-seconds per hour${goal_rss}.

| measure | value |
|---|---|
| drift (\`ethtool -K vb gro on\`) to repair | $repair |
| agent CPU, steady state | $(python3 -c "print('%.1f' % (float('$cpu_per_hour')))") CPU-seconds per hour (measured over ${window} s) |
| of which, by thread (CPU-seconds per hour) | $by_thread |
| agent RSS now / peak | ${rss} MB / ${hwm} MB |
| system calls of the agent (all threads) | $per_poll_and_cycle |
TABLE
)
python3 bench/write-section.py "$section" "$title" "bench/agent-drift-and-cost.sh $repairs $window${3:+ $3}" "$table"
echo "$table"
