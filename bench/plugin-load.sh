#!/usr/bin/env bash
# How much loading every provider plugin adds to a one-shot command (target: < 300 ms).
# Runs `hactl environments` (which loads the plugins, then reads environments.yaml) with a plugins
# path holding only the local plugin, then every built plugin, the JVM started exactly as the
# ./hactl launcher starts it (same options, its class-data archive when fresh). One warm-up run
# each, then RUNS timed runs (default 5), interleaved so both see the same machine load; prints
# every run and the medians. Needs a build (./hactl or `mvn -B install -DskipTests`) first.
# Usage: bench/plugin-load.sh [RUNS]
set -euo pipefail
runs=${1:-5}
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi
classpath="$root/shell/target/hactl-shell.jar:$root/shell/target/lib/*"
[ -f "$root/shell/target/hactl-shell.jar" ] || { echo "no build: run ./hactl --version first" >&2; exit 1; }
jvm=(-Xms16m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto
  -Xlog:cds=off -Xlog:cds+dynamic=off)
cds="$root/target/hactl-cds.jsa"
cds_stale() {
  [ ! -s "$cds" ] || [ -n "$(find "$root/shell/target/hactl-shell.jar" "$root/shell/target/lib" \
    -newer "$cds" -print -quit 2>/dev/null)" ]
}

mkdir -p "$work/local" "$work/all" "$work/home"
cp "$root"/plugins/local/target/plugin/*.jar "$work/local/"
for jar in "$root"/plugins/*/target/plugin/*.jar; do
  cp "$jar" "$work/all/"
  if ! unzip -p "$jar" META-INF/MANIFEST.MF | grep -q '^Hactl-Spi-Version:'; then
    echo "warning: $(basename "$jar") has no Hactl-Spi-Version and will be refused; rebuild it" >&2
  fi
done

# The launcher's class-data archive (made by a throw-away `status` run with every plugin), or,
# when it is stale, one made the same way for this run only: both variants use the same one.
if cds_stale; then
  cds="$work/hactl-cds.jsa"
  HACTL_HOME="$work/home" "$java" "${jvm[@]}" -XX:ArchiveClassesAtExit="$cds" -cp "$classpath" \
    -Dhactl.plugins.path="$work/all" io.hactl.shell.Main status --format json >/dev/null 2>&1 || true
  rm -rf "$work/home"; mkdir -p "$work/home"
  cds_note="with a class-data archive made for this run (the launcher's is stale)"
else
  cds_note="with the launcher's class-data archive"
fi
[ -s "$cds" ] && jvm+=(-XX:SharedArchiveFile="$cds") || cds_note="without a class-data archive"

hactl() {  # hactl with the given plugins folder and an empty HACTL_HOME (the built-in local env)
  local plugins=$1; shift
  HACTL_HOME="$work/home" "$java" "${jvm[@]}" -cp "$classpath" \
    -Dhactl.plugins.path="$plugins" io.hactl.shell.Main "$@"
}
# Prints "WALL_MS CPU_MS" of one run; CPU (user + system) is steadier than wall time on a busy host.
timed() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time hactl "$1" environments >/dev/null 2>"$work/err"; } 2>&1 ) \
    || { cat "$work/err" >&2; exit 1; }
  echo "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}
median() { sort -n | awk '{a[NR]=$1} END {printf "%d\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
loaded() { hactl "$1" providers --format json 2>/dev/null | grep -c '"plugin-version"' || true; }

echo "plugins path: local only = $(ls "$work/local" | tr '\n' ' ')"
echo "plugins path: all        = $(ls "$work/all" | tr '\n' ' ')($(du -sh "$work/all" | cut -f1))"
echo "providers loaded: local only $(loaded "$work/local"), all $(loaded "$work/all")"
echo "JVM $cds_note; $runs runs each after one warm-up"

timed "$work/local" >/dev/null; timed "$work/all" >/dev/null
declare -a only_wall only_cpu all_wall all_cpu
for run in $(seq 1 "$runs"); do
  read -r w c < <(timed "$work/local"); only_wall+=("$w"); only_cpu+=("$c")
  read -r w c < <(timed "$work/all"); all_wall+=("$w"); all_cpu+=("$c")
  echo "run $run: local only ${only_wall[-1]} ms wall / ${only_cpu[-1]} ms cpu," \
    "all plugins ${all_wall[-1]} ms wall / ${all_cpu[-1]} ms cpu"
done
med() { printf '%s\n' "$@" | median; }
ow=$(med "${only_wall[@]}"); oc=$(med "${only_cpu[@]}")
aw=$(med "${all_wall[@]}"); ac=$(med "${all_cpu[@]}")
echo "median wall: local only ${ow} ms, all plugins ${aw} ms: $(printf "%+d" $((aw - ow))) ms"
echo "median cpu:  local only ${oc} ms, all plugins ${ac} ms: $(printf "%+d" $((ac - oc))) ms"
echo "target: loading all plugins adds < 300 ms; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
