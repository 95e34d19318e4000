#!/usr/bin/env bash
# Discovery benchmark: one node polling a sandbox at InstancePollSeconds=1.
#   bench/discovery.sh [--clusters N] [--seconds S] [--backend sqlite|mysql]
# Prints sustained polls per second, probe latency p50/p99, backend write latency p50/p99, the node's CPU and
# RSS, and how many instances were ever seen "not recently checked" or not up to date during the run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

clusters=1
seconds=60
backend=sqlite
port=3910
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clusters) clusters="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --backend) backend="$2"; shift 2 ;;
    *) echo "usage: $0 [--clusters N] [--seconds S] [--backend sqlite|mysql]" >&2; exit 1 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/orchestrator-ee-bench.XXXXXX")"
bin/sandbox up --clusters "$clusters" >/dev/null
if [[ "$backend" == mysql ]]; then
  bin/sandbox backend up >/dev/null
  bin/sandbox sql 10100 "DROP DATABASE IF EXISTS orchestrator; CREATE DATABASE orchestrator"
  backend_json='"BackendDB": "mysql", "MySQLOrchestratorHost": "127.0.0.1", "MySQLOrchestratorPort": 10100,
  "MySQLOrchestratorDatabase": "orchestrator", "MySQLOrchestratorUser": "orc", "MySQLOrchestratorPassword": "orc",'
else
  backend_json="\"BackendDB\": \"sqlite\", \"SQLite3DataFile\": \"$work/orchestrator.sqlite3\","
fi
cat > "$work/conf.json" <<JSON
{ "ListenAddress": ":$port", $backend_json
  "MySQLTopologyUser": "ci", "MySQLTopologyPassword": "ci",
  "DiscoverByShowSlaveHosts": true, "InstancePollSeconds": 1 }
JSON
ORCHESTRATOR_EE_RUNDIR="$work/payara" bin/orchestrator-ee --config "$work/conf.json" > "$work/node.log" 2>&1 &
node=$!
trap 'kill $node 2>/dev/null; wait $node 2>/dev/null || true' EXIT
api="http://127.0.0.1:$port/api"
for _ in $(seq 1 120); do curl -fs "$api/lb-check" >/dev/null 2>&1 && break; sleep 1; done
for c in $(seq 1 "$clusters"); do
  curl -fs "$api/discover/127.0.0.1/$((10101 + 10 * c))" >/dev/null
done
expected=$((clusters * 4))
for _ in $(seq 1 30); do
  [[ "$(curl -fs "$api/all-instances" | jq length)" -ge "$expected" ]] && break; sleep 1
done
sleep 10 # warm-up: JIT, connection pools, first writes

# the JVM is the child of the launcher's exec, so the node's pid is the java process itself
ticks() { awk '{print $14 + $15}' "/proc/$node/stat"; }
hz=$(getconf CLK_TCK)
m0=$(curl -fs "$api/discovery-metrics"); t0=$(date +%s.%N); c0=$(ticks)
stale=0; notuptodate=0; max_rss=0
end=$(( $(date +%s) + seconds ))
while (( $(date +%s) < end )); do
  snapshot=$(curl -fs "$api/all-instances")
  stale=$(( stale + $(jq '[.[] | select(.IsRecentlyChecked | not)] | length' <<<"$snapshot") ))
  notuptodate=$(( notuptodate + $(jq '[.[] | select(.IsUpToDate | not)] | length' <<<"$snapshot") ))
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$node/status")
  (( rss > max_rss )) && max_rss=$rss
  sleep 1
done
m1=$(curl -fs "$api/discovery-metrics"); t1=$(date +%s.%N); c1=$(ticks)

elapsed=$(echo "$t1 - $t0" | bc -l)
probes=$(( $(jq .Probes <<<"$m1") - $(jq .Probes <<<"$m0") ))
failed=$(( $(jq .FailedProbes <<<"$m1") - $(jq .FailedProbes <<<"$m0") ))
printf 'instances                 %d (%d clusters x 4), InstancePollSeconds=1, backend %s\n' "$expected" "$clusters" "$backend"
printf 'measured                  %.0f s\n' "$elapsed"
printf 'polls/s sustained         %.1f (expected %d), failed probes %d\n' "$(echo "$probes / $elapsed" | bc -l)" "$expected" "$failed"
printf 'probe latency p50 / p99   %.2f / %.2f ms\n' "$(jq .ProbeLatencyP50Millis <<<"$m1")" "$(jq .ProbeLatencyP99Millis <<<"$m1")"
printf 'backend write p50 / p99   %.2f / %.2f ms\n' "$(jq .BackendWriteP50Millis <<<"$m1")" "$(jq .BackendWriteP99Millis <<<"$m1")"
printf 'node CPU                  %.1f %% of one core\n' "$(echo "($c1 - $c0) / $hz / $elapsed * 100" | bc -l)"
printf 'node RSS (max)            %d MiB\n' "$(( max_rss / 1024 ))"
printf 'not recently checked      %d instance-samples (of %d)\n' "$stale" "$(( expected * seconds ))"
printf 'not up to date            %d instance-samples\n' "$notuptodate"
