#!/usr/bin/env bash
# Shared-backend handover benchmark: deploy/galera's three nodes on a 3-node Galera cluster; kill -9 of the
# leader, time until another node answers /api/leader-check 200, ROUNDS times (default 10).
#   bench/shared-backend.sh [--rounds N] [--failovers N] [--writes SECONDS]
# --failovers: kill -9 of the sandbox master and of the leader's JVM at the same moment, then the time until the
#   servers show a replica with read_only=0 and both other replicas replicating from it (as bench/failover.sh);
#   a fresh sandbox each round, RecoveryPeriodBlockSeconds 0.
# --writes: the three nodes watch the 20 instances of `bin/sandbox up --clusters 5`; deltas over SECONDS of
#   each Galera node's Com_insert/update/delete/replace and wsrep_replicated (write sets it originated).
# Prints each handover and min / median / max in ms. The killed node is started again in the background; a
# round starts once at least two nodes are healthy. Uses deploy/galera's environment (GALERA_*, SANDBOX_*)
# and stops what it started at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
rounds=10
failovers=0
writes=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --failovers) failovers="$2"; shift 2 ;;
    --writes) writes="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--failovers N] [--writes SECONDS]" >&2; exit 1 ;;
  esac
done
export GALERA_DEPLOY_DIR="${GALERA_DEPLOY_DIR:-/tmp/orchestrator-ee-galera-bench}"
HTTP_BASE="${GALERA_HTTP_BASE:-3000}"
export GALERA_RECOVERY_BLOCK=0
deploy/galera/up >/dev/null
trap 'deploy/galera/down >/dev/null 2>&1 || true' EXIT

status() { curl -s -m 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((HTTP_BASE + $1))/api/leader-check" 2>/dev/null || true; }
healthy() { [[ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((HTTP_BASE + $1))/api/health")" == 200 ]]; }
now_ms() { date +%s%3N; }

results=()
restarting=""
for round in $(seq 1 "$rounds"); do
  deadline=$((SECONDS + 600))
  while true; do
    up=0; leader=""
    for n in 1 2 3; do
      if healthy "$n"; then up=$((up + 1)); fi
      [[ "$(status "$n")" == 200 ]] && leader=$n
    done
    (( up >= 2 )) && [[ -n $leader ]] && break
    (( SECONDS < deadline )) || { echo "no two healthy nodes with a leader" >&2; exit 1; }
    sleep 1
  done
  pid="$(cat "$GALERA_DEPLOY_DIR/node$leader/pid")"
  start=$(now_ms)
  kill -9 "$pid"
  new=""
  while [[ -z $new ]]; do
    for n in 1 2 3; do
      [[ $n == "$leader" ]] && continue
      [[ "$(status "$n")" == 200 ]] && { new=$n; break; }
    done
    (( $(now_ms) - start < 30000 )) || { echo "no new leader in 30 s" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( $(now_ms) - start ))
  results+=("$ms")
  echo "round $round: node$leader killed, node$new leads after $ms ms"
  # bring the killed node back (up is idempotent: it starts only what is not running)
  [[ -n $restarting ]] && wait "$restarting" 2>/dev/null || true
  deploy/galera/up >/dev/null 2>&1 &
  restarting=$!
done
wait "$restarting" 2>/dev/null || true
if (( ${#results[@]} )); then
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
count=${#sorted[@]}
if (( count % 2 )); then median=${sorted[$((count / 2))]}; else median=$(( (sorted[count / 2 - 1] + sorted[count / 2]) / 2 )); fi
echo "handover after kill -9 of the leader over $count rounds: min ${sorted[0]} ms, median $median ms, max ${sorted[$((count - 1))]} ms"
fi

await_two() {
  local deadline=$((SECONDS + 600)) up n
  while true; do
    up=0; leader=""
    for n in 1 2 3; do
      if healthy "$n"; then up=$((up + 1)); fi
      [[ "$(status "$n")" == 200 ]] && leader=$n
    done
    (( up >= 2 )) && [[ -n $leader ]] && return 0
    (( SECONDS < deadline )) || { echo "no two healthy nodes with a leader" >&2; exit 1; }
    sleep 1
  done
}
SANDBOX_DIR="${SANDBOX_DIR:-/tmp/orchestrator-ee-sandbox}"
base="${SANDBOX_PORT_BASE:-10100}"
M=$((base + 11)); R1=$((base + 12)); R2=$((base + 13)); R3=$((base + 14))
sock() { echo "$SANDBOX_DIR/$1/mariadbd.sock"; }
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
fo=()
for round in $(seq 1 "$failovers"); do
  # no recovery while the sandbox is torn down and rebuilt: a half-stopped topology would be failed over
  for n in 1 2 3; do curl -fs -m 2 "http://127.0.0.1:$((${HTTP_BASE:-$RAFT_HTTP_BASE} + n))/api/disable-global-recoveries" >/dev/null 2>&1 || true; done
  wait "$restarting" 2>/dev/null || true
  bin/sandbox down >/dev/null 2>&1; bin/sandbox up >/dev/null 2>&1
  deploy/galera/up >/dev/null 2>&1 || true
  await_two
  api="http://127.0.0.1:$((HTTP_BASE + leader))/api"
  for c in $(curl -fs "$api/clusters" | jq -r '.[]?'); do curl -fs "$api/forget-cluster/$c" >/dev/null || true; done
  curl -fs "$api/discover/127.0.0.1/$M" >/dev/null || true
  for _ in $(seq 1 300); do
    [[ "$(curl -fs "$api/all-instances" | jq length)" == 4 ]] \
      && [[ "$(curl -fs "$api/replication-analysis" | jq '.Details | length')" == 0 ]] && break
    sleep 0.2
  done
  curl -fs "$api/enable-global-recoveries" >/dev/null || true
  sleep "$(echo "2 + $RANDOM / 32768" | bc -l)"
  await_two
  pid="$(cat "$GALERA_DEPLOY_DIR/node$leader/pid")"
  t0=$(now_ms)
  kill -9 "$pid"; bin/sandbox kill $M >/dev/null
  promoted=""
  while [[ -z "$promoted" ]] && (( $(now_ms) - t0 < 30000 )); do promoted=$(finished); done
  t1=$(now_ms)
  if [[ -n "$promoted" ]]; then
    fo+=("$((t1 - t0))"); echo "failover round $round: node$leader and master killed, recovered after $((t1 - t0)) ms (promoted $promoted)"
  else
    echo "failover round $round: no failover within 30 s" >&2
  fi
  deploy/galera/up >/dev/null 2>&1 &
  restarting=$!
done
if (( failovers > 0 )) && (( ${#fo[@]} )); then
  echo "failover through a handover: $(printf '%s\n' "${fo[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "min %d / median %d / max %d ms (n=%d)", a[1], m, a[NR], NR}')"
fi

if (( writes > 0 )); then
  wait "$restarting" 2>/dev/null || true
  bin/sandbox down >/dev/null 2>&1; bin/sandbox up --clusters 5 >/dev/null 2>&1
  deploy/galera/up >/dev/null 2>&1 || true
  await_two
  api="http://127.0.0.1:$((HTTP_BASE + leader))/api"
  for c in $(curl -fs "$api/clusters" | jq -r '.[]?'); do curl -fs "$api/forget-cluster/$c" >/dev/null || true; done
  for c in 1 2 3 4 5; do curl -fs "$api/discover/127.0.0.1/$((base + 10 * c + 1))" >/dev/null || true; done
  for _ in $(seq 1 300); do [[ "$(curl -fs "$api/all-instances" | jq length)" == 20 ]] && break; sleep 1; done
  sleep 10
  counters() { # sum over the three Galera nodes of the named status variables
    local n total=0 v
    for n in 1 2 3; do
      v=$(mariadb -N -B -h127.0.0.1 -P"$(bin/galera port "$n")" -uorc -porc -e \
        "SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ($1)")
      total=$((total + ${v:-0}))
    done
    echo "$total"
  }
  dml="'COM_INSERT','COM_UPDATE','COM_DELETE','COM_REPLACE','COM_INSERT_SELECT','COM_REPLACE_SELECT','COM_UPDATE_MULTI','COM_DELETE_MULTI'"
  s1=$(counters "$dml"); w1=$(counters "'WSREP_REPLICATED'"); b1=$(counters "'WSREP_REPLICATED_BYTES'")
  sleep "$writes"
  s2=$(counters "$dml"); w2=$(counters "'WSREP_REPLICATED'"); b2=$(counters "'WSREP_REPLICATED_BYTES'")
  echo "backend writes, 3 nodes watching $(curl -fs "$api/all-instances" | jq length) instances over $writes s: $(( (s2 - s1) / writes )) DML statements/s, $(( (w2 - w1) / writes )) write sets/s, $(( (b2 - b1) / writes )) replicated bytes/s"
fi
