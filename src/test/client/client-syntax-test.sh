#!/usr/bin/env bash
#
# Offline checks for bin/orchestrator-client: it parses, passes shellcheck (when
# installed), prints help, and fails with exit status 1 and a message for bad
# usage and for an unreachable API. Needs no orchestrator server.
#
# Usage: src/test/client/client-syntax-test.sh
# Prints "N passed, M failed" last; exits non-zero when anything failed.

set -u

here="$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
client="${ORCHESTRATOR_CLIENT:-$here/../../../bin/orchestrator-client}"

passed=0
failed=0
out=
err=
rc=

# Isolate from the caller's environment and from a site profile.
unset ORCHESTRATOR_API ORCHESTRATOR_INSTANCE ORCHESTRATOR_AUTH_USER \
      ORCHESTRATOR_AUTH_PASSWORD ORCHESTRATOR_AUTH_USER_HEADER
export ORCHESTRATOR_CLIENT_PROFILE=
export ORCHESTRATOR_CLIENT_RETRY_DELAYS="0.1"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/client-syntax-test.XXXXXX")"
trap 'rm -rf -- "$scratch"' EXIT

ok() {
  passed=$((passed + 1))
  echo "ok   - $1"
}

not_ok() {
  failed=$((failed + 1))
  echo "FAIL - $1"
  shift
  local line
  for line in "$@"; do
    echo "       $line"
  done
}

# run_client [ENV=VALUE...] -- ARGS...: runs the client, capturing out/err/rc.
run_client() {
  local -a envs=()
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    envs+=("$1")
    shift
  done
  shift
  env ${envs[@]+"${envs[@]}"} timeout 60 bash "$client" "$@" >"$scratch/out" 2>"$scratch/err"
  rc=$?
  out="$(cat "$scratch/out")"
  err="$(cat "$scratch/err")"
}

# expect_failure NAME PATTERN: last run exited 1, printed nothing on stdout,
# and its stderr matches the extended regular expression PATTERN.
expect_failure() {
  local name="$1" pattern="$2"
  if [ "$rc" -eq 1 ] && [ -z "$out" ] && grep -Eqi -- "$pattern" <<<"$err"; then
    ok "$name"
  else
    not_ok "$name" "exit status: $rc (expected 1)" "stdout: $out" "stderr: $err" \
      "expected stderr to match: $pattern"
  fi
}

# --- the script itself -------------------------------------------------------

if [ -f "$client" ]; then
  ok "client script exists at $client"
else
  not_ok "client script exists at $client"
  echo "$passed passed, $failed failed"
  exit 1
fi

if [ -x "$client" ]; then
  ok "client script is executable"
else
  not_ok "client script is executable"
fi

if syntax="$(bash -n "$client" 2>&1)"; then
  ok "bash -n parses the script"
else
  not_ok "bash -n parses the script" "$syntax"
fi

if command -v shellcheck >/dev/null 2>&1; then
  if report="$(shellcheck -x "$client" 2>&1)"; then
    ok "shellcheck reports nothing"
  else
    not_ok "shellcheck reports nothing" "$report"
  fi
else
  echo "skip - shellcheck is not installed"
fi

# --- help --------------------------------------------------------------------

for args in "-h" "--help" "-help" "-c help"; do
  # shellcheck disable=SC2086
  run_client -- $args
  if [ "$rc" -eq 0 ] && grep -q "^Usage: " <<<"$out" \
     && grep -Eq "^ +which-replicas +" <<<"$out" && grep -Eq "^ +-c, --command" <<<"$out"; then
    ok "'$args' prints usage, options and commands"
  else
    not_ok "'$args' prints usage, options and commands" "exit status: $rc" "stdout: $(head -n 3 <<<"$out")" "stderr: $err"
  fi
done

run_client -- -c help
for command in discover forget instance which-master which-replicas which-cluster \
               which-cluster-master which-cluster-instances clusters clusters-alias \
               all-instances search topology topology-tabulated api; do
  if grep -Eq "^ +$command +[A-Z]" <<<"$out"; then
    ok "help lists '$command'"
  else
    not_ok "help lists '$command'"
  fi
done

# --- usage errors (no network needed) ----------------------------------------

closed_api="http://127.0.0.1:1/api"

run_client ORCHESTRATOR_API="$closed_api" --
expect_failure "no command exits 1 with a message" "no command given"

run_client ORCHESTRATOR_API="$closed_api" -- -c no-such-command
expect_failure "unknown command exits 1 with a message" "unsupported command: no-such-command"

run_client ORCHESTRATOR_API="$closed_api" -- -c clusters --no-such-option
expect_failure "unknown option exits 1 with a message" "unknown option"

for command in discover forget instance which-master which-replicas; do
  run_client ORCHESTRATOR_API="$closed_api" -- -c "$command"
  expect_failure "'$command' without -i exits 1 with a message" "instance must be provided"
done

for command in which-cluster which-cluster-master which-cluster-instances topology topology-tabulated; do
  run_client ORCHESTRATOR_API="$closed_api" -- -c "$command"
  expect_failure "'$command' without -i/-a exits 1 with a message" "instance or alias must be provided"
done

run_client ORCHESTRATOR_API="$closed_api" -- -c search
expect_failure "'search' without -i exits 1 with a message" "search string must be provided"

run_client ORCHESTRATOR_API="$closed_api" -- -c api
expect_failure "'api' without -P exits 1 with a message" "path .* must be provided"

run_client ORCHESTRATOR_API="$closed_api" -- -c instance -i "db1:notaport"
expect_failure "malformed instance exits 1 with a message" "invalid instance 'db1:notaport'"

run_client ORCHESTRATOR_API="$closed_api" -- -c instance -i
expect_failure "option without value exits 1 with a message" "option -i requires a value"

# --- semi-sync, co-masters, replica relocation, instance and cluster queries -----

run_client -- -c help
for command in enable-semi-sync-master disable-semi-sync-master enable-semi-sync-replica \
               disable-semi-sync-replica make-co-master relocate-replicas is-replication-stopped \
               which-broken-replicas all-clusters-masters dominant-dc async-discover forget-cluster \
               which-cluster-alias; do
  if grep -Eq "^ +$command +[A-Z]" <<<"$out"; then
    ok "help lists '$command'"
  else
    not_ok "help lists '$command'"
  fi
done

for command in enable-semi-sync-master disable-semi-sync-master enable-semi-sync-replica \
               disable-semi-sync-replica make-co-master relocate-replicas is-replication-stopped \
               which-broken-replicas async-discover; do
  run_client ORCHESTRATOR_API="$closed_api" -- -c "$command"
  expect_failure "'$command' without -i exits 1 with a message" "instance must be provided"
done

for command in forget-cluster which-cluster-alias; do
  run_client ORCHESTRATOR_API="$closed_api" -- -c "$command"
  expect_failure "'$command' without -i/-a exits 1 with a message" "instance or alias must be provided"
done

run_client ORCHESTRATOR_API="$closed_api" -- -c relocate-replicas -i db1 -d "db2:notaport"
expect_failure "'relocate-replicas' with a malformed -d exits 1 with a message" "invalid instance 'db2:notaport'"

for command in all-clusters-masters dominant-dc; do
  run_client ORCHESTRATOR_API="$closed_api" -- -c "$command"
  expect_failure "'$command' with a closed API exits 1 with a clear message" \
    "cannot reach orchestrator API at http://127\.0\.0\.1:1/api"
done

# --- unreachable API ---------------------------------------------------------

run_client ORCHESTRATOR_API="$closed_api" -- -c clusters
expect_failure "closed port (single API URL) exits 1 with a clear message" \
  "cannot reach orchestrator API at http://127\.0\.0\.1:1/api"

run_client ORCHESTRATOR_API="http://127.0.0.1:1" -- -c which-replicas -i db1
expect_failure "closed port, URL without /api, exits 1 with a clear message" \
  "cannot reach orchestrator API at http://127\.0\.0\.1:1/api"

run_client -- -c all-instances -U "$closed_api"
expect_failure "closed port given with -U exits 1 with a clear message" \
  "cannot reach orchestrator API at http://127\.0\.0\.1:1/api"

run_client ORCHESTRATOR_API="http://127.0.0.1:1/api,http://127.0.0.1:2/api" -- -c clusters
expect_failure "closed ports (comma-separated list) exit 1 naming the leader problem" \
  "cannot determine the orchestrator leader"

run_client ORCHESTRATOR_API="http://127.0.0.1:1/api http://127.0.0.1:2/api" -- -c clusters
expect_failure "closed ports (space-separated list) exit 1 naming the leader problem" \
  "cannot determine the orchestrator leader"

# --- which-api needs no request for a single URL -----------------------------

run_client ORCHESTRATOR_API="http://orchestrator.example:3000/" -- -c which-api
if [ "$rc" -eq 0 ] && [ "$out" = "http://orchestrator.example:3000/api" ]; then
  ok "which-api normalises a single URL to .../api"
else
  not_ok "which-api normalises a single URL to .../api" "exit status: $rc" "stdout: $out" "stderr: $err"
fi

# --- missing requirements ----------------------------------------------------

# A PATH holding everything the client needs except jq.
fake_bin="$scratch/bin"
mkdir -p "$fake_bin"
for tool in bash env timeout curl basename whoami mktemp rm head cat sed sleep tr; do
  if path="$(command -v "$tool")"; then
    ln -s "$path" "$fake_bin/$tool"
  fi
done
run_client PATH="$fake_bin" ORCHESTRATOR_API="$closed_api" -- -c clusters
expect_failure "missing jq exits 1 naming jq" "not found in PATH: jq"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
