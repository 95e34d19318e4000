#!/usr/bin/env bash
# Raft group benchmark: time to a new leader after kill -9 and after SIGSTOP of the leader, and commit latency.
#   bench/raft.sh [--stops N] [--kills N] [--commits N]
# The group is deploy/raft/up's (3 nodes, own SQLite each, HAProxy), on ports of its own:
#   RAFT_HTTP_BASE (4530), RAFT_PORT_BASE (4640), RAFT_HAPROXY_PORT (4539), RAFT_DEPLOY_DIR (a temp dir);
#   the sandbox of SANDBOX_PORT_BASE / SANDBOX_DIR.
# leader loss = from the signal to the first 200 of another node's /api/leader-check, polled every 20 ms.
# commit      = wall time of one register-candidate request on the leader's API (HTTP on loopback, the raft
#               commit to a majority, and its application on the leader), next to a read (lb-check) as baseline.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
stops=10
kills=10
commits=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stops) stops="$2"; shift 2 ;;
    --kills) kills="$2"; shift 2 ;;
    --commits) commits="$2"; shift 2 ;;
    *) echo "usage: $0 [--stops N] [--kills N] [--commits N]" >&2; exit 1 ;;
  esac
done
export RAFT_HTTP_BASE="${RAFT_HTTP_BASE:-4530}" RAFT_PORT_BASE="${RAFT_PORT_BASE:-4640}"
export RAFT_HAPROXY_PORT="${RAFT_HAPROXY_PORT:-4539}"
export RAFT_DEPLOY_DIR="${RAFT_DEPLOY_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/orchestrator-ee-raft-bench.XXXXXX")}"
trap 'deploy/raft/down --purge >/dev/null 2>&1 || true' EXIT
deploy/raft/up >/dev/null

port() { echo $((RAFT_HTTP_BASE + $1)); }
code() { curl -s -m 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(port "$1")/api/leader-check" || true; }
leader() { for n in 1 2 3; do [[ "$(code "$n")" == 200 ]] && { echo "$n"; return; }; done; echo 0; }
await_leader() {
  local l=0
  for _ in $(seq 1 600); do l=$(leader); [[ $l != 0 ]] && { echo "$l"; return; }; sleep 0.1; done
  echo "no leader" >&2; exit 1
}
now_ms() { date +%s%3N; }
# time until a node other than $1 answers leader-check 200
until_other_leads() {
  local old=$1 start=$2
  while true; do
    for n in 1 2 3; do
      [[ $n == "$old" ]] && continue
      if [[ "$(code "$n")" == 200 ]]; then echo $(($(now_ms) - start)); return; fi
    done
    sleep 0.02
  done
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "min %d / median %d / max %d ms (n=%d)", a[1], a[int((NR+1)/2)], a[NR], NR}'; }
pctl() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]}'; }

: > "$RAFT_DEPLOY_DIR/stop.ms"
for _ in $(seq 1 "$stops"); do
  l=$(await_leader); pid=$(cat "$RAFT_DEPLOY_DIR/node$l/pid")
  t=$(now_ms); kill -STOP "$pid"
  until_other_leads "$l" "$t" >> "$RAFT_DEPLOY_DIR/stop.ms"
  kill -CONT "$pid"
  sleep 3
done

: > "$RAFT_DEPLOY_DIR/kill.ms"
for _ in $(seq 1 "$kills"); do
  l=$(await_leader); pid=$(cat "$RAFT_DEPLOY_DIR/node$l/pid")
  t=$(now_ms); kill -9 "$pid"
  until_other_leads "$l" "$t" >> "$RAFT_DEPLOY_DIR/kill.ms"
  deploy/raft/up >/dev/null
done

l=$(await_leader); api="http://127.0.0.1:$(port "$l")/api"
replica="127.0.0.1/$((${SANDBOX_PORT_BASE:-10100} + 12))"
: > "$RAFT_DEPLOY_DIR/commit.ms"; : > "$RAFT_DEPLOY_DIR/read.ms"
for i in $(seq 1 "$commits"); do
  rule=$([[ $((i % 2)) == 0 ]] && echo prefer || echo neutral)
  curl -s -o /dev/null -w '%{time_total}\n' "$api/register-candidate/$replica/$rule" \
    | awk '{printf "%.3f\n", $1*1000}' >> "$RAFT_DEPLOY_DIR/commit.ms"
  curl -s -o /dev/null -w '%{time_total}\n' "$api/lb-check" | awk '{printf "%.3f\n", $1*1000}' >> "$RAFT_DEPLOY_DIR/read.ms"
done

echo "leader loss after SIGSTOP: $(stats < "$RAFT_DEPLOY_DIR/stop.ms")"
echo "leader loss after kill -9: $(stats < "$RAFT_DEPLOY_DIR/kill.ms")"
echo "commit (register-candidate on the leader): p50 $(pctl 50 < "$RAFT_DEPLOY_DIR/commit.ms") ms / p99 $(pctl 99 < "$RAFT_DEPLOY_DIR/commit.ms") ms (n=$commits)"
echo "read baseline (lb-check): p50 $(pctl 50 < "$RAFT_DEPLOY_DIR/read.ms") ms / p99 $(pctl 99 < "$RAFT_DEPLOY_DIR/read.ms") ms"
