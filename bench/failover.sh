#!/usr/bin/env bash
# Failover benchmark on the sandbox, with ground truth from the servers.
#   bench/failover.sh [--poll SECONDS] [--kills N]
# Each round: a fresh sandbox (master base+11, replicas base+12..14; SANDBOX_PORT_BASE, default 10100) discovered by one node with automated
# recovery, a kill -9 of the master at a random point of the poll cycle, then:
#   detection = the node's "detected DeadMaster" log line (its own clock, same machine) minus the kill time;
#   recovery  = the first moment the servers themselves show a replica with read_only=0 and the two other
#               replicas running replication (IO and SQL threads) from it, minus the kill time; the servers
#               are polled about every 30 ms, so recovery figures carry that much resolution.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

poll=1
kills=10
port=3911
while [[ $# -gt 0 ]]; do
  case "$1" in
    --poll) poll="$2"; shift 2 ;;
    --kills) kills="$2"; shift 2 ;;
    *) echo "usage: $0 [--poll SECONDS] [--kills N]" >&2; exit 1 ;;
  esac
done

SANDBOX_DIR="${SANDBOX_DIR:-/tmp/orchestrator-ee-sandbox}"
base="${SANDBOX_PORT_BASE:-10100}"
M=$((base + 11)); R1=$((base + 12)); R2=$((base + 13)); R3=$((base + 14))
sock() { echo "$SANDBOX_DIR/$1/mariadbd.sock"; }
now_ms() { date +%s%3N; }

work="$(mktemp -d "${TMPDIR:-/tmp}/orchestrator-ee-failover.XXXXXX")"
cat > "$work/conf.json" <<JSON
{ "ListenAddress": ":$port", "SQLite3DataFile": "$work/orchestrator.sqlite3",
  "MySQLTopologyUser": "ci", "MySQLTopologyPassword": "ci", "DiscoverByShowSlaveHosts": true,
  "InstancePollSeconds": $poll, "MySQLConnectTimeoutSeconds": 1,
  "RecoverMasterClusterFilters": ["*"], "RecoveryPeriodBlockSeconds": 0 }
JSON
bin/sandbox down >/dev/null 2>&1 || true
bin/sandbox up >/dev/null 2>&1
ORCHESTRATOR_EE_RUNDIR="$work/payara" bin/orchestrator-ee --config "$work/conf.json" > "$work/node.log" 2>&1 &
node=$!
trap 'kill $node 2>/dev/null; wait $node 2>/dev/null || true' EXIT
api="http://127.0.0.1:$port/api"
for _ in $(seq 1 120); do curl -fs "$api/lb-check" >/dev/null 2>&1 && break; sleep 1; done

# prints the port of the promoted replica once the servers show a finished failover, else nothing
finished() {
  local p master="" others=0 ro st
  for p in $R1 $R2 $R3; do
    ro=$(mariadb -N -B -uroot -S "$(sock $p)" -e "SELECT @@read_only" 2>/dev/null) || continue
    [[ "$ro" == 0 ]] && master=$p
  done
  [[ -n "$master" ]] || return 0
  for p in $R1 $R2 $R3; do
    [[ "$p" == "$master" ]] && continue
    st=$(mariadb -uroot -S "$(sock $p)" -e "SHOW SLAVE STATUS\G" 2>/dev/null) || continue
    grep -q "Master_Port: $master" <<<"$st" && grep -q "Slave_IO_Running: Yes" <<<"$st" \
      && grep -q "Slave_SQL_Running: Yes" <<<"$st" && others=$((others + 1))
  done
  (( others == 2 )) && echo "$master"
  return 0
}

detections=(); recoveries=()
for round in $(seq 1 "$kills"); do
  bin/sandbox down >/dev/null 2>&1; bin/sandbox up >/dev/null 2>&1
  for c in $(curl -fs "$api/clusters" | jq -r '.[]?'); do curl -fs "$api/forget-cluster/$c" >/dev/null || true; done
  for p in $M $R1 $R2 $R3; do curl -fs "$api/end-downtime/127.0.0.1/$p" >/dev/null 2>&1 || true; done
  curl -fs "$api/discover/127.0.0.1/$M" >/dev/null
  for _ in $(seq 1 100); do
    [[ "$(curl -fs "$api/all-instances" | jq length)" == 4 ]] \
      && [[ "$(curl -fs "$api/replication-analysis" | jq '.Details | length')" == 0 ]] && break
    sleep 0.1
  done
  sleep "$(echo "2 * $poll + $RANDOM / 32768 * $poll" | bc -l)" # settle, then a random point of the cycle
  lines_before=$(wc -l < "$work/node.log")
  t0=$(now_ms)
  bin/sandbox kill $M >/dev/null
  promoted=""
  while [[ -z "$promoted" ]] && (( $(now_ms) - t0 < 30000 )); do promoted=$(finished); done
  t1=$(now_ms)
  [[ -n "$promoted" ]] || { echo "round $round: no failover within 30 s" >&2; continue; }
  sleep 0.5
  detected=$(tail -n +"$((lines_before + 1))" "$work/node.log" | grep "detected DeadMaster on 127.0.0.1:$M" \
    | head -1 | grep -o 'timeMillis: [0-9]*' | grep -o '[0-9]*' || true)
  d=$(( ${detected:-0} - t0 )); r=$(( t1 - t0 ))
  detections+=("$d"); recoveries+=("$r")
  printf 'round %2d: detection %5d ms, recovery %5d ms (promoted %s)\n' "$round" "$d" "$r" "$promoted"
done

stats() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "n/a"; exit}; m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "min %d / median %d / max %d ms (n=%d)", a[1], m, a[NR], NR}'; }
echo "InstancePollSeconds=$poll"
echo "detection: $(printf '%s\n' "${detections[@]}" | stats)"
echo "recovery:  $(printf '%s\n' "${recoveries[@]}" | stats)"
bin/sandbox down >/dev/null 2>&1; bin/sandbox up >/dev/null 2>&1
