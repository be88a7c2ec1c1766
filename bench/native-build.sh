#!/usr/bin/env bash
# The native image as native-build/here builds it on this machine: the builder's wall time, phases
# and peak RSS (its own summary), the object and its undefined symbols, the link, and the start of
# the linked binary (`--help`, median wall and peak RSS of RUNS runs) beside the JVM launcher's.
# Nothing else should run meanwhile. Writes the section native-build of BENCHMARKS.md.
# Usage: bench/native-build.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
runs=${1:-5}
work=$(mktemp -d /tmp/offloadctl-native-bench.XXXXXX)
trap 'status=$?; [ $status -eq 0 ] || tail -20 "$work"/*.err >&2; rm -rf "$work"' EXIT
start=$(date +%s)
bash native-build/here/build.sh "$work" 2> "$work/build.err"
built=$(( $(date +%s) - start ))
bash native-build/here/link.sh "$work" "$JAVA_HOME" 2> "$work/link.err"
phases=$(grep -E '^\[[0-9]/8\]' "$work/builder.log" | sed -E 's/^\[[0-9]\/8\] ([A-Za-z ]+)\.\.\.[^(]*\(([0-9.]+s) @ ([0-9.]+GB)\)/\1 \2/' | paste -sd";" - | sed "s/;/; /g")
peak=$(grep -o 'Peak RSS: [0-9.]*GB' "$work/builder.log" | tail -1 | cut -d' ' -f3)
symbols=$(sed -n 's/^check-symbols: //p' "$work/build.err")
object=$(du -m "$work/out/offloadctl.o" | cut -f1)
binary=$(du -m "$work/dist/offloadctl" | cut -f1)
libs=$(du -cm "$work"/dist/lib/*.so | tail -1 | cut -f1)
# median wall (ms) and peak RSS (MB) of RUNS runs of a command
start_of() {
    python3 - "$runs" "$@" <<'PY'
import resource, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
walls, peaks = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    walls.append((time.perf_counter() - t) * 1000)
    if done.returncode != 0:
        sys.exit(f"{cmd} exited {done.returncode}")
    peaks.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
print(f"{statistics.median(walls):.0f} ms, {max(peaks):.0f} MB")
PY
}
native=$(start_of "$work/dist/offloadctl" --help)
jvm="not built"
[ -x node-binary/target/offloadctl ] && jvm=$(start_of node-binary/target/offloadctl --help)
table="$(date +%F), this machine (2 cores). The builder: \`org.graalvm.nativeimage:svm\` from Maven Central on Temurin 25.

| what | figure |
|---|---|
| sources-only build + builder, wall | $built s |
| builder phases (wall) | $phases |
| builder peak RSS | $peak |
| relocatable object | $object MB; $symbols |
| linked binary | $binary MB + $libs MB of JDK libraries and our libjvm |
| \`offloadctl --help\`, native (median of $runs, peak RSS) | $native |
| \`offloadctl --help\`, JVM launcher (median of $runs, peak RSS) | $jvm |

show, set and info natively: the next section (bench/native-vs-ethtool.sh); the agent natively: bench/agent-drift-and-cost.sh with the native binary."
python3 bench/write-section.py native-build "The native image build, here (GraalVM's builder on Temurin, no driver)" "bench/native-build.sh $runs" "$table"
echo "$table"
