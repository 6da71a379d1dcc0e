#!/bin/bash
# Makes sure a Java 17 (or newer) runtime is installed, from the distribution's packages
# (Debian and Ubuntu: openjdk-17-jre-headless) when there is none. Written and run by hactl's
# cloud-init user data.
set -u

java_major() {
  java -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

if command -v java >/dev/null 2>&1; then
  major="$(java_major)"
  if [ -n "$major" ] && [ "$major" -ge 17 ]; then
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "hactl-install-java: no Java 17 and no apt-get to install it; use an image with Java 17" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q --no-install-recommends openjdk-17-jre-headless; }; then
  echo "hactl-install-java: cannot install openjdk-17-jre-headless; use an image with Java 17" >&2
  exit 1
fi
