#!/usr/bin/env bash
# Benchmark: a simulated fleet reporting to the API on PostgreSQL, and the database's own ceiling.
#  1. a private PostgreSQL cluster (scripts/test-postgres.sh) and the API's PostgreSQL build;
#  2. bench/api-load/LoadGen.java: NODES nodes x 4 interfaces (every kernel feature each) report
#     once, then from CONCURRENCY clients what agents send: every report's counters (24 per
#     interface, TCP, UDP) advanced, 1% of reports with a changed configuration; WARMUP seconds
#     unmeasured (the JIT compiler of a freshly started API is busy for about a minute), then
#     SECONDS seconds: reports/s, p50/p99 latency, CPU of the API and of the database; then GET
#     /api/v1/compliance over the fleet, a page of GET /api/v1/nodes and GET /api/v1/findings. Then the same with byte-identical bodies (the fast path),
#     labelled as such: no agent sends them;
#  3. pgbench: the same number of rows upserted by name with the same clients, as the ceiling.
# Writes the results into BENCHMARKS.md between the api-load markers (api-load-NODES for fleets of
# another size than the default).
# Usage: bench/api-fleet-load.sh [NODES] [SECONDS] [CONCURRENCY] [WARMUP]   (default 10000 60 16 60)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
nodes=${1:-10000}
seconds=${2:-60}
concurrency=${3:-16}
warmup=${4:-60}
api=api/target/offloadctl-api/bin/offloadctl-api
[ -x "$api" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
command -v pgbench >/dev/null || PATH=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1):$PATH

pgdir=/tmp/offloadctl-bench-pg
port=55433
api_port=18090
token=bench-admin-token
bash scripts/test-postgres.sh stop "$pgdir"
rm -rf "$pgdir"
url=$(bash scripts/test-postgres.sh start "$pgdir" "$port")
api_pid=
cleanup() { [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null; bash scripts/test-postgres.sh stop "$pgdir"; }
trap cleanup EXIT

# The launcher picks the PostgreSQL build from the URL; OFFLOADCTL_API_JAVA_OPTIONS (for example a
# different GC) reaches the API's JVM through it.
OFFLOADCTL_JDBC_URL=$url OFFLOADCTL_PORT=$api_port OFFLOADCTL_ADMIN_TOKEN=$token "$api" > /tmp/offloadctl-bench-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$api_port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

db_pid=$(head -1 "$pgdir/postmaster.pid" 2>/dev/null || pgrep -o -f "$pgdir" || echo -1)
echo "load: $nodes nodes, $seconds s, $concurrency clients, counters moving" >&2
result=$("$JAVA_HOME/bin/java" -Xmx2g bench/api-load/LoadGen.java "http://127.0.0.1:$api_port" "$token" "$nodes" 4 "$warmup" "$seconds" "$concurrency" 1 "$api_pid" moving "$db_pid")
echo "$result" >&2
echo "load: the same, byte-identical bodies" >&2
identical=$("$JAVA_HOME/bin/java" -Xmx2g bench/api-load/LoadGen.java "http://127.0.0.1:$api_port" "$token" "$nodes" 4 "$warmup" "$seconds" "$concurrency" 1 "$api_pid" identical "$db_pid")
echo "$identical" >&2
rss_kb=$(awk '/VmHWM/ {print $2}' /proc/$api_pid/status)

echo "pgbench ceiling" >&2
export PGPASSWORD=offloadctl
psql -q -h 127.0.0.1 -p "$port" -U offloadctl -d offloadctl -c "create table bench_node (name text primary key, report_hash text, reported_at timestamptz);
  insert into bench_node select 'node-' || i, 'h', now() from generate_series(0, $nodes - 1) i;"
cat > /tmp/offloadctl-bench-upsert.sql <<SQL
\set n random(0, $nodes - 1)
insert into bench_node (name, report_hash, reported_at) values ('node-' || :n, 'h', now())
  on conflict (name) do update set reported_at = excluded.reported_at;
SQL
tps=$(pgbench -n -h 127.0.0.1 -p "$port" -U offloadctl -c "$concurrency" -j 2 -T 30 -f /tmp/offloadctl-bench-upsert.sql offloadctl \
  | awk '/^tps/ {print int($3)}')

table=$(python3 - "$result" "$identical" "$tps" "$rss_kb" "$nodes" "$seconds" "$concurrency" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); s = json.loads(sys.argv[2]); tps = int(sys.argv[3]); rss = int(sys.argv[4]) / 1024
nodes, seconds, conc = sys.argv[5:8]
print(f"{r['nodes']} nodes x {r['interfaces']} interfaces, every kernel feature per interface ({r['reportBytes']} bytes a report); "
      f"{conc} clients; API, PostgreSQL 15, load generator and pgbench on the same 2 cores. Goal: 3,500 reports/s, p99 50 ms.\n")
print("| measure | what agents send: counters moving, 1% configurations changed | byte-identical bodies (no agent sends these) |\n|---|---:|---:|")
def row(name, f):
    print(f"| {name} | {f(r)} | {f(s)} |")
row("first report of every node (creates)", lambda x: f"{x['createSeconds']} s ({x['nodes']/x['createSeconds']:.0f} reports/s)")
row(f"reports/s in the first {r['warmupSeconds']} s (JIT warm-up, not measured below)", lambda x: f"{x['warmupReportsPerSecond']:.0f}")
row(f"sustained reports/s ({r['seconds']} s)", lambda x: f"**{x['reportsPerSecond']:.0f}** ({x['reports']} reports, {x['changed']} changed, {x['errors']} errors)")
row("report latency p50 / p99", lambda x: f"{x['p50ms']} ms / {x['p99ms']} ms")
row("CPU while sustained: API / database / load generator (cores of 2)", lambda x: f"{x['apiCores']:.2f} / {x['databaseCores']:.2f} / {x['generatorCores']:.2f}")
row("CPU per report: API / database", lambda x: f"{x['apiCores'] * 1000 / x['reportsPerSecond']:.3f} ms / {x['databaseCores'] * 1000 / x['reportsPerSecond']:.3f} ms")
for read in r['reads']:
    row(f"GET {r['reads'][read]['path']} (3 runs)", lambda x, read=read: f"{', '.join(f'{v:.0f}' for v in x['reads'][read]['ms'])} ms ({x['reads'][read]['bytes']/1e6:.2f} MB)")
row("ratio to pgbench's upsert ceiling", lambda x: f"{x['reportsPerSecond']/tps:.2f}")
print(f"\npgbench upsert of the same rows by name, same clients (the ceiling): {tps} tx/s; API peak RSS {rss:.0f} MB.")
PY
)
# The default fleet (10,000 nodes) has the section "api-load"; other sizes one each, beside it.
section=api-load
[ "$nodes" = 10000 ] || section=api-load-$nodes
python3 bench/write-section.py "$section" "The API under a simulated fleet of $nodes nodes" "bench/api-fleet-load.sh $nodes $seconds $concurrency $warmup" "$table"
echo "$table"
