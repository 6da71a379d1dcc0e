#!/bin/bash
# Downloads hactl's agent distribution, checks its SHA-256 and unpacks it. Written and run by
# hactl's cloud-init user data. Refuses (exit 1, saying why) unless a source serves a file with
# exactly the expected checksum: nothing unverified is ever unpacked or run.
# Operators may override: HACTL_LIB, HACTL_OPT (folders), HACTL_FETCH_ROUNDS, HACTL_FETCH_PAUSE.
set -u
umask 022

expected='@SHA256@'
urls=(@URLS@)
lib="${HACTL_LIB:-/var/lib/hactl}"
opt="${HACTL_OPT:-/opt/hactl}"
rounds="${HACTL_FETCH_ROUNDS:-30}"
pause="${HACTL_FETCH_PAUSE:-10}"

say() {
  echo "hactl-fetch-agent: $*" >&2
  if command -v logger >/dev/null 2>&1; then
    logger -t hactl-fetch-agent -- "$*" || true
  fi
}

# A URL without its query: a pre-signed URL carries its signature there.
printable() {
  local bare="${1%%\?*}"
  if [ "$bare" != "$1" ]; then
    bare="$bare?<hidden>"
  fi
  echo "$bare"
}

# curl or wget when installed, else python3, which cloud-init itself needs.
download() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --connect-timeout 10 --max-time 600 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -T 10 -O "$2" "$1"
  else
    python3 - "$1" "$2" <<'PY'
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as answer, open(sys.argv[2], "wb") as out:
    shutil.copyfileobj(answer, out)
PY
  fi
}

# Unpacks into a fresh folder beside the old one, then swaps, so a half-unpacked tree never runs.
unpack() {
  local staging
  mkdir -p "$opt" || return 1
  staging="$(mktemp -d "$opt/.unpack.XXXXXX")" || return 1
  if ! tar -xzf "$lib/hactl-agent.tar.gz" -C "$staging" --no-same-owner; then
    say "cannot unpack $lib/hactl-agent.tar.gz"
    rm -rf "$staging"
    return 1
  fi
  if [ ! -x "$staging/hactl-agent/bin/hactl-agent" ]; then
    say "the distribution has no hactl-agent/bin/hactl-agent launcher"
    rm -rf "$staging"
    return 1
  fi
  rm -rf "$opt/agent" && mv "$staging/hactl-agent" "$opt/agent" && rmdir "$staging"
}

mkdir -p "$lib" || exit 1
partial="$lib/hactl-agent.tar.gz.part"
for ((round = 1; round <= rounds; round++)); do
  for url in "${urls[@]}"; do
    rm -f "$partial"
    if ! download "$url" "$partial"; then
      say "cannot download $(printable "$url") (attempt $round of $rounds)"
      continue
    fi
    actual="$(sha256sum "$partial" | cut -d' ' -f1)"
    if [ "$actual" != "$expected" ]; then
      say "refusing the distribution from $(printable "$url"): its SHA-256 is $actual, expected $expected"
      rm -f "$partial"
      continue
    fi
    mv -f "$partial" "$lib/hactl-agent.tar.gz"
    if unpack; then
      say "agent distribution $expected from $(printable "$url") installed in $opt/agent"
      exit 0
    fi
    exit 1
  done
  if [ "$round" -lt "$rounds" ]; then
    sleep "$pause"
  fi
done
say "cannot start the hactl agent: no source served a distribution with SHA-256 $expected; check agent-url and agent-sha256, or that a controller serves the agent on agent-port"
exit 1
