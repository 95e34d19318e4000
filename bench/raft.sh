#!/usr/bin/env bash
# Raft group benchmark: time to a new leader after kill -9 and after SIGSTOP of the leader, commit latency,
# master failover time in the group, and the traffic between idle nodes.
#   bench/raft.sh [--stops N] [--kills N] [--commits N] [--failovers N] [--traffic SECONDS]
# The group is deploy/raft/up's (3 nodes, own SQLite each, HAProxy), on ports of its own:
#   RAFT_HTTP_BASE (4530), RAFT_PORT_BASE (4640), RAFT_HAPROXY_PORT (4539), RAFT_DEPLOY_DIR (a temp dir);
#   the sandbox of SANDBOX_PORT_BASE / SANDBOX_DIR.
# leader loss = from the signal to the first 200 of another node's /api/leader-check, polled every 20 ms.
# commit      = wall time of one register-candidate request on the leader's API (HTTP on loopback, the raft
#               commit to a majority, and its application on the leader), next to a read (lb-check) as baseline.
# failover    = kill -9 of the sandbox master (base+11) to the first moment the servers show a replica with
#               read_only=0 and both other replicas replicating from it (as bench/failover.sh); a fresh
#               sandbox each round, the group stays up (RecoveryPeriodBlockSeconds 0).
# traffic     = bytes on the loopback to and from the raft ports (nftables counters, needs root) while the
#               group watches the 20 instances of `bin/sandbox up --clusters 5`, over SECONDS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
stops=10
kills=10
commits=200
failovers=0
traffic=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stops) stops="$2"; shift 2 ;;
    --kills) kills="$2"; shift 2 ;;
    --commits) commits="$2"; shift 2 ;;
    --failovers) failovers="$2"; shift 2 ;;
    --traffic) traffic="$2"; shift 2 ;;
    *) echo "usage: $0 [--stops N] [--kills N] [--commits N] [--failovers N] [--traffic SECONDS]" >&2; exit 1 ;;
  esac
done
export RAFT_HTTP_BASE="${RAFT_HTTP_BASE:-4530}" RAFT_PORT_BASE="${RAFT_PORT_BASE:-4640}"
export RAFT_HAPROXY_PORT="${RAFT_HAPROXY_PORT:-4539}"
export RAFT_RECOVERY_BLOCK=0
export RAFT_DEPLOY_DIR="${RAFT_DEPLOY_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/orchestrator-ee-raft-bench.XXXXXX")}"
# the node logs survive the run in RAFT_BENCH_LOGS (default: a temp dir), for a round that went wrong
logs="${RAFT_BENCH_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/orchestrator-ee-raft-bench-logs.XXXXXX")}"
trap 'exit 1' TERM INT
trap 'for n in 1 2 3; do cp "$RAFT_DEPLOY_DIR/node$n/node.log" "$logs/node$n.log" 2>/dev/null || true; done; cp "$RAFT_DEPLOY_DIR"/*.ms "$logs/" 2>/dev/null || true; nft delete table inet orchestrator_ee_raft_bench 2>/dev/null || true; deploy/raft/down --purge >/dev/null 2>&1 || true' EXIT
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


SANDBOX_DIR="${SANDBOX_DIR:-/tmp/orchestrator-ee-sandbox}"
base="${SANDBOX_PORT_BASE:-10100}"
M=$((base + 11)); R1=$((base + 12)); R2=$((base + 13)); R3=$((base + 14))
sock() { echo "$SANDBOX_DIR/$1/mariadbd.sock"; }
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
: > "$RAFT_DEPLOY_DIR/failover.ms"
for round in $(seq 1 "$failovers"); do
  # no recovery while the sandbox is torn down and rebuilt: a half-stopped topology would be failed over
  for n in 1 2 3; do curl -fs -m 2 "http://127.0.0.1:$((${HTTP_BASE:-$RAFT_HTTP_BASE} + n))/api/disable-global-recoveries" >/dev/null 2>&1 || true; done
  bin/sandbox down >/dev/null 2>&1; bin/sandbox up >/dev/null 2>&1
  l=$(await_leader); api="http://127.0.0.1:$(port "$l")/api"
  for c in $(curl -fs "$api/clusters" | jq -r '.[]?'); do curl -fs "$api/forget-cluster/$c" >/dev/null || true; done
  curl -fs "$api/discover/127.0.0.1/$M" >/dev/null || true
  for _ in $(seq 1 300); do
    ok=1
    for n in 1 2 3; do
      a="http://127.0.0.1:$(port "$n")/api"
      [[ "$(curl -fs "$a/all-instances" | jq length)" == 4 ]] \
        && [[ "$(curl -fs "$a/replication-analysis" | jq '.Details | length')" == 0 ]] || ok=0
    done
    (( ok )) && break
    sleep 0.2
  done
  curl -fs "$api/enable-global-recoveries" >/dev/null || true
  sleep "$(echo "2 + $RANDOM / 32768" | bc -l)" # settle, then a random point of the 1 s poll cycle
  t0=$(now_ms)
  bin/sandbox kill $M >/dev/null
  promoted=""
  while [[ -z "$promoted" ]] && (( $(now_ms) - t0 < 30000 )); do promoted=$(finished); done
  t1=$(now_ms)
  [[ -n "$promoted" ]] || { echo "failover round $round: none within 30 s" >&2; continue; }
  echo "$((t1 - t0))" >> "$RAFT_DEPLOY_DIR/failover.ms"
  echo "failover round $round: $((t1 - t0)) ms (leader node$l, promoted $promoted)" >&2
done

if (( traffic > 0 )); then
  bin/sandbox down >/dev/null 2>&1; bin/sandbox up --clusters 5 >/dev/null 2>&1
  l=$(await_leader); api="http://127.0.0.1:$(port "$l")/api"
  for c in $(curl -fs "$api/clusters" | jq -r '.[]?'); do curl -fs "$api/forget-cluster/$c" >/dev/null || true; done
  for c in 1 2 3 4 5; do curl -fs "$api/discover/127.0.0.1/$((base + 10 * c + 1))" >/dev/null || true; done
  for _ in $(seq 1 300); do
    ok=1
    for n in 1 2 3; do [[ "$(curl -fs "http://127.0.0.1:$(port "$n")/api/all-instances" | jq length)" == 20 ]] || ok=0; done
    (( ok )) && break
    sleep 1
  done
  sleep 10 # let the discoveries' commits pass: the figure is the idle traffic
  rp="$((RAFT_PORT_BASE + 1)), $((RAFT_PORT_BASE + 2)), $((RAFT_PORT_BASE + 3))"
  nft delete table inet orchestrator_ee_raft_bench 2>/dev/null || true
  nft -f - <<NFT
table inet orchestrator_ee_raft_bench {
  chain out {
    type filter hook output priority 0; policy accept;
    tcp dport { $rp } counter
    tcp sport { $rp } counter
  }
}
NFT
  sleep "$traffic"
  bytes=$(nft -j list table inet orchestrator_ee_raft_bench | jq '[.nftables[] | .rule? | select(.) | .expr[] | .counter? | select(.) | .bytes] | add')
  packets=$(nft -j list table inet orchestrator_ee_raft_bench | jq '[.nftables[] | .rule? | select(.) | .expr[] | .counter? | select(.) | .packets] | add')
  nft delete table inet orchestrator_ee_raft_bench
  inst=$(curl -fs "$api/all-instances" | jq length)
fi

echo "leader loss after SIGSTOP: $(stats < "$RAFT_DEPLOY_DIR/stop.ms")"
echo "leader loss after kill -9: $(stats < "$RAFT_DEPLOY_DIR/kill.ms")"
echo "commit (register-candidate on the leader): p50 $(pctl 50 < "$RAFT_DEPLOY_DIR/commit.ms") ms / p99 $(pctl 99 < "$RAFT_DEPLOY_DIR/commit.ms") ms (n=$commits)"
echo "read baseline (lb-check): p50 $(pctl 50 < "$RAFT_DEPLOY_DIR/read.ms") ms / p99 $(pctl 99 < "$RAFT_DEPLOY_DIR/read.ms") ms"
if (( failovers > 0 )); then
  echo "failover kill -9 of the master to recovered (servers), 3-node group: $(stats < "$RAFT_DEPLOY_DIR/failover.ms")"
fi
if (( traffic > 0 )); then
  echo "idle traffic on the raft ports, 3 nodes watching $inst instances, over $traffic s: $bytes bytes, $packets packets = $((bytes / traffic)) B/s, $((packets / traffic)) packets/s"
fi
