#!/usr/bin/env bash
# The dashboard's targets, as an operator's machine sees them:
#  1. frame time of a 7-controller, 500-machine environment (target < 50 ms a frame): a Java
#     main in tui's test tree (io.hactl.tui.bench.RenderBenchmark) builds the model from a fresh
#     snapshot, renders and paints it on a Lanterna virtual terminal; wall and CPU time, medians.
#  2. an idle dashboard (target < 3% of one core and < 150 MB resident): the real `hactl
#     dashboard` in a 120x40 tmux terminal against a real local environment of 3 controllers,
#     left alone for SECONDS after 15 s of settling; CPU from /proc/PID/stat (utime+stime) over
#     that window, RSS from /proc/PID/status (VmRSS at the end, VmHWM the peak). Core's status feed (one snapshot a
#     second) and the log tail run inside the measured process: that is the idle cost.
# Usage: bench/dashboard-bench.sh [RUNS] [SECONDS] [render|idle|all]  (defaults: 3 runs of 60 s,
# both parts). Needs tmux for the idle part.
# Runs against a temporary HACTL_HOME on loopback; destroys its environment on exit.
set -euo pipefail
runs=${1:-3}
seconds=${2:-60}
part=${3:-all}
root="$(cd "$(dirname "$0")/.." && pwd)"
export HACTL_HOME="$(mktemp -d)" HACTL_SKIP_BUILD=1 LC_ALL=C.UTF-8
socket="hactl-dashboard-bench-$$"
h() { "$root/hactl" "$@"; }
t() { tmux -L "$socket" -f /dev/null "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cleanup() {
  t kill-server >/dev/null 2>&1 || true
  h destroy-environment -y >/dev/null 2>&1 || true
  rm -rf "$HACTL_HOME"
}
trap cleanup EXIT
command -v tmux >/dev/null || { echo "tmux is not installed (apt-get install -y tmux)" >&2; exit 2; }

if [ "$part" != idle ]; then
echo "== frame time: 7 controllers, 500 machines"
(cd "$root" && mvn -B -q -o -pl tui test-compile \
  && mvn -B -q -o -pl tui dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$HACTL_HOME/cp.txt") >/dev/null
java -cp "$root/tui/target/test-classes:$root/tui/target/classes:$(cat "$HACTL_HOME/cp.txt")" \
  io.hactl.tui.bench.RenderBenchmark "$runs" 200
fi
[ "$part" != render ] || exit 0

echo "== idle dashboard: 3 controllers, ${seconds}s per run"
h bootstrap >/dev/null
h enable-ha -n 3 >/dev/null
voting() {
  h status --format json 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    print(0); sys.exit()
print(sum(1 for m in d.get("machines", {}).values()
          if (m.get("member") or {}).get("vote-status") == "has-vote"
          and m.get("agent-state") == "started"))'
}
deadline=$((SECONDS + 180))
until [ "$(voting)" = 3 ]; do
  if [ $SECONDS -gt $deadline ]; then
    # A core problem, not the dashboard's: measure the dashboard all the same, and say so.
    echo "warning: enable-ha did not reach 3 voting controllers in 180 s; measuring as is:" >&2
    h status >&2 || true
    break
  fi
  sleep 1
done
tick=$(getconf CLK_TCK)
cpus=() rss=() hwm=()
for run in $(seq 1 "$runs"); do
  t new-session -d -s d -x 120 -y 40 -e HACTL_HOME="$HACTL_HOME" -e HACTL_SKIP_BUILD=1 \
    "$root/hactl dashboard; sleep 600"
  until t capture-pane -p -t d | grep -q "master \*"; do sleep 0.5; done
  pane=$(t display-message -p -t d '#{pane_pid}')
  pid=$(pgrep -P "$pane" java || pgrep -f -P "$pane" 'io.hactl.shell.Main' | head -1)
  sleep 15 # past start-up (first snapshots, log backlog, JIT compiling): idle is steady state
  ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  before=$(ticks)
  sleep "$seconds"
  after=$(ticks)
  cpu=$(echo "scale=2; ($after - $before) * 100 / $tick / $seconds" | bc)
  r=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  p=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  echo "idle run $run: ${cpu}% of one core, RSS ${r} MB (peak ${p} MB)"
  cpus+=("$cpu") rss+=("$r") hwm+=("$p")
  t send-keys -t d q
  sleep 2
  t kill-server >/dev/null 2>&1 || true
done
echo "idle dashboard: median ${runs} runs: $(printf '%s\n' "${cpus[@]}" | median)% of one core" \
  "(target < 3%), RSS $(printf '%s\n' "${rss[@]}" | median) MB (target < 150 MB)," \
  "peak $(printf '%s\n' "${hwm[@]}" | median) MB"
