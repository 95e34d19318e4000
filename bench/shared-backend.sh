#!/usr/bin/env bash
# Shared-backend handover benchmark: deploy/galera's three nodes on a 3-node Galera cluster; kill -9 of the
# leader, time until another node answers /api/leader-check 200, ROUNDS times (default 10).
#   bench/shared-backend.sh [--rounds N]
# Prints each handover and min / median / max in ms. The killed node is started again in the background; a
# round starts once at least two nodes are healthy. Uses deploy/galera's environment (GALERA_*, SANDBOX_*)
# and stops what it started at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
rounds=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N]" >&2; exit 1 ;;
  esac
done
export GALERA_DEPLOY_DIR="${GALERA_DEPLOY_DIR:-/tmp/orchestrator-ee-galera-bench}"
HTTP_BASE="${GALERA_HTTP_BASE:-3000}"
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
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
count=${#sorted[@]}
if (( count % 2 )); then median=${sorted[$((count / 2))]}; else median=$(( (sorted[count / 2 - 1] + sorted[count / 2]) / 2 )); fi
echo "handover after kill -9 of the leader over $count rounds: min ${sorted[0]} ms, median $median ms, max ${sorted[$((count - 1))]} ms"
