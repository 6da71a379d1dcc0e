#!/usr/bin/env bash
# End-to-end suite of the LXD provider against the real daemon, with one command:
#
#   sudo plugins/lxd/scripts/lxd-e2e.sh [RUNS]
#
# It brings the test environment up (lxd-test-env.sh up), builds what it needs, then per run:
# bootstraps an environment whose controller is an LXD container, checks a write is accepted,
# runs enable-ha -n 3 until three controllers have a vote, stops the master's container (lxc
# stop --force), awaits a new master that accepts a write, and destroys the environment. Prints
# each run's timings and their medians against the issue's targets (bootstrap < 60 s once the
# image exists, enable-ha to three < 120 s), then takes the test environment down.
#
# Exit code 0 only when every run passed every step. HACTL_LXD_KEEP_ENV=1 leaves the test
# environment up afterwards; HACTL_E2E_SKIP_BUILD=1 uses the current build; HACTL_E2E_FROM_HEAD=1
# builds and runs a copy of the last commit (git archive HEAD) instead of the working tree, for a
# tree where others have work in progress. The build is `package` without tests: nothing is
# installed into ~/.m2.
#
# The master controller starts machines from inside its container, so the agent distribution it
# downloads must carry the LXD plugin. When the built distribution has no LXD plugin in its
# plugins/ folder, the suite packs a copy that has it, serves that on the bridge and points the
# environment at it (agent-url, agent-sha256); otherwise the client serves the built one
# (bootstrap-agent-address).
#
# Network: the client reaches the controllers at their 10.77.10.x addresses and serves the agent
# distribution on 10.77.10.1:17070, the bridge this suite created; nothing else.
set -euo pipefail

runs=${1:-1}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
env_script="$here/lxd-test-env.sh"
export HACTL_HOME="$(mktemp -d /tmp/hactl-lxd-e2e.XXXXXX)" HACTL_SKIP_BUILD=1
# Bound every wait, so that a broken step fails the suite instead of hanging it.
STEP_TIMEOUT=${HACTL_E2E_STEP_TIMEOUT:-300}

now() { date +%s.%N; }
since() { awk "BEGIN{printf \"%.1f\", $(now) - $1}"; }
log() { printf '[lxd-e2e] %s\n' "$*"; }
fail() { printf '[lxd-e2e] FAILED: %s\n' "$*" >&2; exit 1; }
h() { "$root/hactl" "$@"; }
json() { h status --format json 2>/dev/null; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Repeats a command until it succeeds or the step times out.
until_ok() {
  local what=$1; shift
  local deadline=$(( SECONDS + STEP_TIMEOUT ))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "$what: not done after ${STEP_TIMEOUT}s"
    sleep 0.5
  done
}
voters() { json | python3 -c 'import json,sys
d=json.load(sys.stdin)
print(sum(1 for m in d["machines"].values() if (m.get("member") or {}).get("has-vote")))' 2>/dev/null || echo 0; }
has_voters() { [ "$(voters)" -ge "$1" ]; }
# Empty while status cannot name a master (right after a reconfig it may briefly show none).
master_id() { json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("master") or "")' 2>/dev/null; }
has_master() { [ -n "$(master_id)" ]; }
instance_of() { json | python3 -c 'import json,sys; print(json.load(sys.stdin)["machines"][sys.argv[1]]["instance-id"])' "$1"; }
new_master_accepts_write() {
  local old=$1 m
  m=$(master_id 2>/dev/null) || return 1
  [ -n "$m" ] && [ "$m" != "$old" ] && h add-machine >/dev/null 2>&1
}

cleanup() {
  local rc=$?
  h destroy-environment -y >/dev/null 2>&1 || true
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null
  [ "${HACTL_E2E_FROM_HEAD:-}" = 1 ] && [ "$root" != "$(cd "$here/../../.." && pwd)" ] && rm -rf "$root"
  if [ "${HACTL_LXD_KEEP_ENV:-}" != 1 ]; then
    "$env_script" down || rc=1
  fi
  rm -rf "$HACTL_HOME"
  exit $rc
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "run as root (the test environment starts lxd and adds one iptables rule)"
t=$(now); "$env_script" up; setup=$(since "$t")

if [ "${HACTL_E2E_FROM_HEAD:-}" = 1 ]; then
  root=$(mktemp -d /tmp/hactl-lxd-e2e-src.XXXXXX)
  # From the top: run in a subfolder, git archive would pack only that folder.
  git -C "$(git -C "$here" rev-parse --show-toplevel)" archive HEAD | tar -x -C "$root"
  log "building a copy of HEAD ($(git -C "$here" rev-parse --short HEAD)) in $root"
fi
if [ "${HACTL_E2E_SKIP_BUILD:-}" != 1 ]; then
  t=$(now)
  log "building shell, agent, the plugins and the agent distribution"
  (cd "$root" && mvn -B -q -pl shell,dist -am package \
      -Dmaven.test.skip=true) \
    || fail "build failed: run the mvn command above in $root for details"
  build=$(since "$t")
else
  build=0
fi
dist="$root/dist/target/hactl-agent-dist.tar.gz"
[ -f "$dist" ] || fail "no agent distribution at $dist (built by the dist module)"
lxd_jar=$(ls "$root"/plugins/lxd/target/plugin/*.jar 2>/dev/null | head -n 1)
[ -n "$lxd_jar" ] || fail "no LXD plugin jar in plugins/lxd/target/plugin"

# grep reads the whole listing (no -q): with pipefail, tar killed by SIGPIPE after an early
# match would fail the test and wrongly take the repacking branch.
if tar -tzf "$dist" | grep -E '^hactl-agent/plugins/hactl-provider-lxd-[^/]*\.jar$' >/dev/null; then
  delivery="bootstrap-agent-address: 10.77.10.1:17070"
else
  # The distribution with the LXD plugin added, served on the bridge for the whole suite (later
  # machines download it too).
  served="$HACTL_HOME/served"
  unpacked="$HACTL_HOME/unpacked"
  mkdir -p "$served" "$unpacked"
  tar -C "$unpacked" -xzf "$dist"
  cp "$lxd_jar" "$unpacked/hactl-agent/plugins/"
  tar -C "$unpacked" -czf "$served/hactl-agent-lxd.tar.gz" hactl-agent
  sha=$(sha256sum "$served/hactl-agent-lxd.tar.gz" | cut -d' ' -f1)
  ss -ltn | grep -q '10.77.10.1:17070 ' && fail "10.77.10.1:17070 is taken: stop what listens there"
  python3 -m http.server 17070 --bind 10.77.10.1 --directory "$served" >"$HACTL_HOME/served.log" 2>&1 &
  server_pid=$!
  # Served only once it answers; the address is this host's own on the suite's bridge.
  until curl -sf -o /dev/null --head http://10.77.10.1:17070/hactl-agent-lxd.tar.gz; do
    kill -0 "$server_pid" 2>/dev/null || fail "cannot serve the distribution: $(tail -1 "$HACTL_HOME/served.log")"
    sleep 0.2
  done
  delivery="agent-url: http://10.77.10.1:17070/hactl-agent-lxd.tar.gz
    agent-sha256: $sha"
  log "the built distribution has no LXD plugin: serving a copy with it (pid $server_pid)"
fi

cat >"$HACTL_HOME/environments.yaml" <<EOF
default: lxd-e2e
environments:
  lxd-e2e:
    type: lxd
    state-port: 37017
    # served on the bridge this suite created (see above)
    $delivery
    # controllers start machines: they get the daemon's socket (see lxd-test-env.sh)
    profile: default,hactl-lxd-api
EOF

declare -a boot write ha stop fail destroy
for run in $(seq 1 "$runs"); do
  log "run $run: bootstrap"
  t=$(now); h bootstrap || fail "bootstrap"; boot+=("$(since "$t")")
  until_ok "the first write (add-machine) after bootstrap" h add-machine
  write+=("$(since "$t")")
  log "run $run: enable-ha -n 3"
  t=$(now); h enable-ha -n 3 >/dev/null || fail "enable-ha -n 3"
  until_ok "three controllers with a vote" has_voters 3
  ha+=("$(since "$t")")
  until_ok "a master after enable-ha" has_master
  old=$(master_id)
  name=$(instance_of "$old")
  log "run $run: stopping the master's container $name (machine $old)"
  t=$(now); lxc stop --force "$name"; stop+=("$(since "$t")")
  t=$(now); until_ok "a new master that accepts a write" new_master_accepts_write "$old"
  fail+=("$(since "$t")")
  log "run $run: new master $(master_id), write accepted"
  t=$(now); h destroy-environment -y >/dev/null || fail "destroy-environment"
  destroy+=("$(since "$t")")
  left=$(lxc list --format csv -c n | grep -c '^hactl-' || true)
  [ "$left" = 0 ] || fail "destroy-environment left $left containers behind"
  printf '[lxd-e2e] run %d: bootstrap %ss (first write at %ss)  enable-ha -n 3 %ss  master stopped -> new master accepted a write %ss  destroy %ss\n' \
    "$run" "${boot[-1]}" "${write[-1]}" "${ha[-1]}" "${fail[-1]}" "${destroy[-1]}"
done

m() { printf '%s\n' "$@" | median; }
printf '[lxd-e2e] setup %ss, build %ss\n' "$setup" "$build"
printf '[lxd-e2e] medians of %d run(s): bootstrap %ss (target < 60)  first write %ss  enable-ha -n 3 %ss (target < 120)  failover to an accepted write %ss  destroy %ss\n' \
  "$runs" "$(m "${boot[@]}")" "$(m "${write[@]}")" "$(m "${ha[@]}")" "$(m "${fail[@]}")" \
  "$(m "${destroy[@]}")"
log "PASSED"
