#!/usr/bin/env bash
# Measures enable-ha on the local provider as a user sees it: from a freshly bootstrapped single
# controller, the time from running `enable-ha -n N` until status shows N controllers with
# has-vote (targets: 3 in under 20 s, 7 in under 40 s). Each run bootstraps and destroys its own
# environment; prints each run and the median per N. Usage: bench/enable-ha-targets.sh [RUNS] [N...]
# (defaults: 3 runs of N=7). Runs against a temporary HACTL_HOME; loopback only.
set -euo pipefail
runs=${1:-3}
shift || true
counts=("${@:-7}")
[ ${#counts[@]} -gt 0 ] || counts=(7)
root="$(cd "$(dirname "$0")/.." && pwd)"
export HACTL_HOME="$(mktemp -d)" HACTL_SKIP_BUILD=1
h() { "$root/hactl" "$@"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
# Prints "STARTED VOTERS": controllers whose agent is started, and those with has-vote.
counts() {
  h status --format json 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    print(0, 0); sys.exit()
ms = [m for m in d.get("machines", {}).values() if m.get("member")]
print(sum(1 for m in ms if m.get("agent-state") == "started"),
      sum(1 for m in ms if m["member"].get("vote-status") == "has-vote"))'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
trap 'h destroy-environment -y >/dev/null 2>&1 || true; rm -rf "$HACTL_HOME"' EXIT

for n in "${counts[@]}"; do
  times=()
  for run in $(seq 1 "$runs"); do
    h bootstrap >/dev/null
    until [ "$(counts)" = "1 1" ]; do :; done
    t=$(now); h enable-ha -n "$n" >/dev/null
    started=""
    while true; do
      read -r up voting <<<"$(counts)"
      if [ -z "$started" ] && [ "$up" = "$n" ]; then started=$(since "$t"); fi
      [ "$voting" = "$n" ] && break
    done
    times+=("$(since "$t")")
    printf 'enable-ha 1 -> %d, run %d: %.1fs (all %d agents started after %.1fs)\n' \
      "$n" "$run" "${times[-1]}" "$n" "${started:-${times[-1]}}"
    h destroy-environment -y >/dev/null
  done
  printf 'enable-ha 1 -> %d: median %.1fs over %d runs (%s, %d cores, load %s)\n' "$n" \
    "$(printf '%s\n' "${times[@]}" | median)" "$runs" "$(uname -m)" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
done
