#!/usr/bin/env bash
# Benchmark: a simulated fleet reporting to the API on PostgreSQL, and the database's own ceiling.
#  1. a private PostgreSQL cluster (scripts/test-postgres.sh) and the API's PostgreSQL build;
#  2. bench/api-load/LoadGen.java: NODES nodes x 4 interfaces (every kernel feature each) report
#     once, then from CONCURRENCY clients, 1% of reports changed, WARMUP seconds unmeasured (the
#     JIT compiler of a freshly started API is busy for about a minute), then SECONDS seconds:
#     reports/s, p50/p99 latency, CPU; then GET /api/v1/compliance over the fleet;
#  3. pgbench: the same number of rows upserted by name with the same clients, as the ceiling.
# Writes the results into BENCHMARKS.md between the api-load markers.
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

echo "load: $nodes nodes, $seconds s, $concurrency clients" >&2
result=$("$JAVA_HOME/bin/java" -Xmx2g bench/api-load/LoadGen.java "http://127.0.0.1:$api_port" "$token" "$nodes" 4 "$warmup" "$seconds" "$concurrency" 1 "$api_pid")
echo "$result" >&2
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

table=$(python3 - "$result" "$tps" "$rss_kb" "$nodes" "$seconds" "$concurrency" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); tps = int(sys.argv[2]); rss = int(sys.argv[3]) / 1024
nodes, seconds, conc = sys.argv[4:7]
print(f"{r['nodes']} nodes x {r['interfaces']} interfaces, every kernel feature per interface ({r['reportBytes']} bytes a report); "
      f"{conc} clients; 1% of reports changed; API, PostgreSQL 15, load generator and pgbench on the same 2 cores.\n")
print("| measure | value |\n|---|---:|")
print(f"| first report of every node (creates) | {r['createSeconds']} s ({r['nodes']/r['createSeconds']:.0f} reports/s) |")
print(f"| reports/s in the first {r['warmupSeconds']} s after the creates (JIT warm-up, not measured below) | {r['warmupReportsPerSecond']:.0f} |")
print(f"| sustained reports/s ({r['seconds']} s, {r['reports']} reports, {r['changed']} changed, {r['errors']} errors) | {r['reportsPerSecond']:.0f} |")
print(f"| report latency p50 / p99 | {r['p50ms']} ms / {r['p99ms']} ms |")
print(f"| CPU while sustained: API / load generator (cores of 2) | {r['apiCores']:.2f} / {r['generatorCores']:.2f} |")
print(f"| API CPU per report | {r['apiCores'] * 1000 / r['reportsPerSecond']:.3f} ms |")
print(f"| GET /api/v1/compliance over the fleet (3 runs, {r['complianceBytes']/1e6:.1f} MB) | {', '.join(f'{x:.0f}' for x in r['complianceMs'])} ms |")
print(f"| API peak RSS | {rss:.0f} MB |")
print(f"| pgbench upsert of the same rows by name, same clients (ceiling) | {tps} tx/s |")
print(f"| ratio API / pgbench | {r['reportsPerSecond']/tps:.2f} |")
PY
)
python3 bench/write-section.py api-load "The API under a simulated fleet" "bench/api-fleet-load.sh $nodes $seconds $concurrency $warmup" "$table"
echo "$table"
