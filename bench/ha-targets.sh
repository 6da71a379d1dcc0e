#!/usr/bin/env bash
# Measures the walking skeleton's and HA's targets on the local provider, as a user sees them:
# bootstrap time, one-shot status wall time, idle agent memory, enable-ha to N voters, and the
# time from killing the master to a new master that accepts a client write (add-machine).
# Prints each run and the medians. Usage: bench/ha-targets.sh [RUNS] [N]
# enable-ha alone (1 -> 3, 1 -> 7, fresh environment per run): bench/enable-ha-targets.sh.
# Runs against a temporary HACTL_HOME and destroys what it made; loopback only.
set -euo pipefail
runs=${1:-3}
n=${2:-3}
root="$(cd "$(dirname "$0")/.." && pwd)"
export HACTL_HOME="$(mktemp -d)" HACTL_SKIP_BUILD=1
h() { "$root/hactl" "$@"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
json() { h status --format json 2>/dev/null; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
trap 'h destroy-environment -y >/dev/null 2>&1 || true; rm -rf "$HACTL_HOME"' EXIT

declare -a boot stat rss ha fail
for run in $(seq 1 "$runs"); do
  t=$(now); h bootstrap >/dev/null; boot+=("$(since "$t")")
  t=$(now); h status >/dev/null; stat+=("$(since "$t")")
  sleep 5  # let the controller settle into idle before reading its memory
  pid=$(json | python3 -c 'import json,sys; print(json.load(sys.stdin)["machines"]["0"]["details"]["pid"])')
  rss+=("$(awk '/VmRSS/ {print $2/1024}' "/proc/$pid/status")")
  t=$(now); h enable-ha -n "$n" >/dev/null
  until [ "$(json | grep -c '"vote-status" : "has-vote"')" = "$n" ]; do :; done
  ha+=("$(since "$t")")
  master=$(json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["machines"][d["master"]]["details"]["pid"])')
  kill -9 "$master"; t=$(now)
  until h add-machine >/dev/null 2>&1; do :; done
  fail+=("$(since "$t")")
  printf 'run %d: bootstrap %.2fs  status %.2fs  controller RSS %.0fMB  enable-ha -n %d %.1fs  master killed -> write accepted %.2fs\n' \
    "$run" "${boot[-1]}" "${stat[-1]}" "${rss[-1]}" "$n" "${ha[-1]}" "${fail[-1]}"
  h destroy-environment -y >/dev/null
done
printf 'medians over %d runs (%s, %d cores): bootstrap %.2fs  status %.2fs  controller RSS %.0fMB  enable-ha -n %d %.1fs  failover to an accepted write %.2fs\n' \
  "$runs" "$(uname -m)" "$(nproc)" \
  "$(printf '%s\n' "${boot[@]}" | median)" "$(printf '%s\n' "${stat[@]}" | median)" \
  "$(printf '%s\n' "${rss[@]}" | median)" "$n" "$(printf '%s\n' "${ha[@]}" | median)" \
  "$(printf '%s\n' "${fail[@]}" | median)"
