#!/usr/bin/env bash
# Test environment for the LXD provider: a hand-started LXD daemon (no systemd on these
# machines), a bridge on a fixed private subnet that cannot forward beyond this host, and a
# Debian bookworm image with cloud-init and Java 17 built once with debootstrap.
#
#   lxd-test-env.sh up       install (once), start, configure, build/import the image
#   lxd-test-env.sh down     delete containers and the bridge, remove every firewall rule the
#                            setup added (recorded in the state folder), stop the daemon
#   lxd-test-env.sh status   what is up
#
# Network safety (../../shared/reference/provider-test-notes.md): the bridge gets its address in
# the preseed itself, NAT is off, the FORWARD drop rule is in place before any container starts,
# and the bridge's dnsmasq never forwards queries upstream. `down` removes only rules recorded as
# added by `up` (ours and the ones LXD added for the bridge), never any other rule.
#
# Storage: a btrfs pool on a loop file LXD makes (/var/lib/lxd/disks/default.img), where the
# image is unpacked once and each container is a snapshot: creating one takes ~1 s and starting
# it ~4 s. A `dir` pool, the fallback when the kernel has no btrfs, unpacks and remaps the whole
# image for every container (26-70 s each, measured here): too slow for the targets.
#
# Controllers run the provider too (the master starts new machines), so the profile
# `hactl-lxd-api` gives a container the daemon's socket at the same path as on the host, through
# an LXD proxy device; the e2e environment uses profiles `default,hactl-lxd-api`.
#
# Both verbs are idempotent. Must run as root. Environment overrides: HACTL_LXD_CACHE (image
# cache, default /var/cache/hactl-lxd), HACTL_LXD_STATE (records, default /var/lib/hactl-lxd-env),
# HACTL_LXD_MIRROR (Debian mirror for debootstrap, default the one apt uses),
# HACTL_LXD_POOL_DRIVER (btrfs or dir; default btrfs when the kernel has it).
set -euo pipefail

BRIDGE=hactlbr0
BRIDGE_CIDR=10.77.10.1/24
IMAGE_ALIAS=hactl-bookworm
CACHE=${HACTL_LXD_CACHE:-/var/cache/hactl-lxd}
STATE=${HACTL_LXD_STATE:-/var/lib/hactl-lxd-env}
MIRROR=${HACTL_LXD_MIRROR:-http://deb.debian.org/debian}
IMAGE_FILE=$CACHE/$IMAGE_ALIAS.tar
HTTPS_ADDRESS=127.0.0.1:8443
LXD_LOG=$STATE/lxd.log
PID_FILE=$STATE/lxd.pid
# One line per rule this setup added, as "iptables|ip6tables <table> <rule spec>": down deletes
# exactly these.
RULES_FILE=$STATE/added-rules
# Firewall state before the first up, to tell the rules LXD adds for the bridge from others.
BASELINE_IPT=$STATE/baseline.iptables
BASELINE_IP6T=$STATE/baseline.ip6tables
BASELINE_NFT_TABLES=$STATE/baseline.nft-tables
FORWARD_RULE=(FORWARD -i "$BRIDGE" ! -o "$BRIDGE" -j DROP)
PACKAGES=(lxd lxd-client debootstrap iptables nftables dnsmasq-base btrfs-progs)
API_PROFILE=hactl-lxd-api
if [ -z "${HACTL_LXD_POOL_DRIVER:-}" ]; then
  if grep -qw btrfs /proc/filesystems && [ -e /dev/loop-control ]; then
    HACTL_LXD_POOL_DRIVER=btrfs
  else
    HACTL_LXD_POOL_DRIVER=dir
  fi
fi
POOL_DRIVER=$HACTL_LXD_POOL_DRIVER
IMAGE_PACKAGES=systemd-sysv,udev,iproute2,cloud-init,python3-cffi-backend,openjdk-17-jre-headless,ca-certificates,curl

T0=$(date +%s.%N)
phase_start=$T0
log() { printf '[lxd-test-env] %s\n' "$*"; }
die() { printf '[lxd-test-env] error: %s\n' "$*" >&2; exit 1; }
# Prints how long the phase that just ended took, then starts the next one.
timed() {
  local now; now=$(date +%s.%N)
  printf '[lxd-test-env] %-34s %6.1f s\n' "$1" "$(awk "BEGIN{print $now - $phase_start}")"
  phase_start=$now
}
total() { printf '[lxd-test-env] %-34s %6.1f s\n' "total ($1)" "$(awk "BEGIN{print $(date +%s.%N) - $T0}")"; }

[ "$(id -u)" = 0 ] || die "run as root (it starts lxd and adds one iptables rule)"

daemon_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE")
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q lxd "/proc/$pid/comm" 2>/dev/null || return 1
  echo "$pid"
}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >/dev/null
  fi
  getent group lxd >/dev/null || groupadd --system lxd
}

record_baseline() {
  # Only before the first up: later ups must not take LXD's own rules for someone else's.
  [ -f "$BASELINE_IPT" ] && return 0
  iptables-save >"$BASELINE_IPT" 2>/dev/null || : >"$BASELINE_IPT"
  ip6tables-save >"$BASELINE_IP6T" 2>/dev/null || : >"$BASELINE_IP6T"
  nft list tables 2>/dev/null >"$BASELINE_NFT_TABLES" || : >"$BASELINE_NFT_TABLES"
}

add_forward_drop() {
  if iptables -C "${FORWARD_RULE[@]}" 2>/dev/null; then
    return 0
  fi
  # iptables-nft creates the table `ip filter` for the rule when there was none: recorded so
  # that down removes it once it is empty again.
  if ! grep -q 'table ip filter' "$BASELINE_NFT_TABLES" \
      && ! grep -qxF "nft-table-if-empty ip filter" "$RULES_FILE" 2>/dev/null; then
    echo "nft-table-if-empty ip filter" >>"$RULES_FILE"
  fi
  iptables -I "${FORWARD_RULE[@]}"
  echo "iptables filter -A ${FORWARD_RULE[*]}" >>"$RULES_FILE"
  log "added: iptables -I ${FORWARD_RULE[*]}"
}

start_daemon() {
  if daemon_pid >/dev/null; then
    log "lxd already running (pid $(daemon_pid))"
  elif [ -S /var/lib/lxd/unix.socket ] && lxc info >/dev/null 2>&1; then
    die "an lxd daemon not started by this script is running; stop it first"
  else
    setsid lxd --group lxd --logfile "$LXD_LOG" </dev/null >>"$LXD_LOG" 2>&1 &
    echo $! >"$PID_FILE"
  fi
  lxd waitready --timeout 30 || die "lxd did not become ready in 30 s (log: $LXD_LOG)"
}

preseed() {
  if lxc network show "$BRIDGE" >/dev/null 2>&1 && lxc storage show default >/dev/null 2>&1 \
      && lxc profile show "$API_PROFILE" >/dev/null 2>&1; then
    return 0
  fi
  # dnsmasq answers DHCP and the containers' names; no-resolv keeps it from forwarding anything
  # upstream, so no query leaves this host on a container's behalf.
  lxd init --preseed <<EOF
config: {}
networks:
- name: $BRIDGE
  type: bridge
  config:
    ipv4.address: $BRIDGE_CIDR
    ipv4.nat: "false"
    ipv6.address: none
    raw.dnsmasq: no-resolv
storage_pools:
- name: default
  driver: $POOL_DRIVER
$( [ "$POOL_DRIVER" = btrfs ] && printf '  config:\n    size: 20GiB\n' )
profiles:
- name: default
  devices:
    root:
      path: /
      pool: default
      type: disk
    eth0:
      name: eth0
      network: $BRIDGE
      type: nic
- name: $API_PROFILE
  description: the LXD socket inside the container, for controllers that start machines
  devices:
    lxd-api:
      type: proxy
      bind: container
      listen: unix:/var/lib/lxd/unix.socket
      connect: unix:/var/lib/lxd/unix.socket
      mode: "0660"
EOF
}

# Rules LXD added for the bridge (it leaves them behind when the network is deleted): recorded
# so that down removes them, and nothing else.
record_lxd_rules() {
  local tool table line
  for tool in iptables ip6tables; do
    local baseline=$BASELINE_IPT
    [ "$tool" = ip6tables ] && baseline=$BASELINE_IP6T
    table=
    while IFS= read -r line; do
      case "$line" in
        \**) table=${line#\*} ;;
        -A*"$BRIDGE"*)
          grep -qxF -- "$line" "$baseline" && continue
          grep -qxF -- "$tool $table $line" "$RULES_FILE" 2>/dev/null && continue
          echo "$tool $table $line" >>"$RULES_FILE" ;;
      esac
    done < <("$tool-save" 2>/dev/null)
  done
  # LXD 5.0 uses nftables when no legacy rules exist: its own table, absent before the first up.
  if nft list table inet lxd >/dev/null 2>&1 && ! grep -q 'table inet lxd' "$BASELINE_NFT_TABLES" \
      && ! grep -qxF "nft-table inet lxd" "$RULES_FILE" 2>/dev/null; then
    echo "nft-table inet lxd" >>"$RULES_FILE"
  fi
}

build_image() {
  [ -f "$IMAGE_FILE" ] && return 0
  local work; work=$(mktemp -d /var/tmp/hactl-image.XXXXXX)
  local rootfs=$work/rootfs
  log "building the $IMAGE_ALIAS image with debootstrap (a few minutes, once; cached in $CACHE)"
  if ! debootstrap --variant=minbase --include="$IMAGE_PACKAGES" bookworm "$rootfs" "$MIRROR" \
      >"$work/debootstrap.log" 2>&1; then
    # python3-cryptography may fail to configure before python3-cffi-backend is set up.
    log "debootstrap reported a failure; finishing the configuration in the chroot"
    mount -t proc proc "$rootfs/proc"
    chroot "$rootfs" dpkg --configure -a >>"$work/debootstrap.log" 2>&1 || {
      umount "$rootfs/proc"; die "image build failed, see $work/debootstrap.log"; }
    umount "$rootfs/proc"
  fi
  # /var/lib/lxd: where the hactl-lxd-api profile puts the daemon's socket.
  mkdir -p "$rootfs/etc/systemd/network" "$rootfs/etc/cloud/cloud.cfg.d" "$rootfs/var/lib/lxd"
  printf '[Match]\nName=eth0\n\n[Network]\nDHCP=ipv4\n' >"$rootfs/etc/systemd/network/eth0.network"
  chroot "$rootfs" systemctl enable systemd-networkd >/dev/null 2>&1
  # LXD first (it hands over cloud-init.user-data); minbase has no locales; the container's own
  # name resolves through /etc/hosts.
  printf 'datasource_list: [LXD, NoCloud, None]\nlocale: false\nmanage_etc_hosts: true\n' \
    >"$rootfs/etc/cloud/cloud.cfg.d/90-hactl.cfg"
  # debootstrap copies this host's resolv.conf: its name server is beyond the bridge, where the
  # FORWARD drop makes every lookup time out (seconds each, in the JVM too). The bridge's
  # dnsmasq answers the containers' names and refuses the rest at once.
  printf 'nameserver %s\n' "${BRIDGE_CIDR%/*}" >"$rootfs/etc/resolv.conf"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$rootfs/etc/hosts"
  # Each container must get its own machine id and the hostname LXD gives it.
  : >"$rootfs/etc/machine-id"
  rm -f "$rootfs/etc/hostname" "$rootfs/var/lib/dbus/machine-id"
  chroot "$rootfs" apt-get clean
  rm -rf "$rootfs/var/lib/apt/lists/"*
  cat >"$work/metadata.yaml" <<EOF
architecture: x86_64
creation_date: $(date +%s)
properties:
  description: Debian bookworm minbase with cloud-init and OpenJDK 17 (hactl LXD tests)
  os: debian
  release: bookworm
EOF
  mkdir -p "$CACHE"
  tar -C "$work" --numeric-owner -cf "$IMAGE_FILE.partial" metadata.yaml rootfs
  mv "$IMAGE_FILE.partial" "$IMAGE_FILE"
  rm -rf "$work"
}

import_image() {
  lxc image info "$IMAGE_ALIAS" >/dev/null 2>&1 && return 0
  lxc image import "$IMAGE_FILE" --alias "$IMAGE_ALIAS" >/dev/null
  # The first container unpacks the image into the pool; do it now, so that the first bootstrap
  # measures what every later one costs.
  lxc init "$IMAGE_ALIAS" hactl-image-warmup >/dev/null
  lxc delete hactl-image-warmup >/dev/null
}

# The remote API on loopback only, for the HTTPS transport's tests: a client certificate made
# here (PEM as openssl and lxc write them, and PKCS12 without a password) is trusted by the daemon.
enable_https() {
  lxc config set core.https_address "$HTTPS_ADDRESS"
  if [ ! -f "$STATE/client.p12" ]; then
    ( umask 077
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:secp384r1 -nodes -days 3650 \
        -subj /CN=hactl-lxd-test -keyout "$STATE/client.key" -out "$STATE/client.crt" 2>/dev/null
      openssl ec -in "$STATE/client.key" -out "$STATE/client-ec.key" 2>/dev/null
      openssl pkcs12 -export -inkey "$STATE/client.key" -in "$STATE/client.crt" \
        -out "$STATE/client.p12" -passout pass: )
  fi
  cp /var/lib/lxd/server.crt "$STATE/server.crt"
  if ! lxc config trust list --format csv | grep -q hactl-lxd-test; then
    lxc config trust add "$STATE/client.crt" >/dev/null
  fi
}

disable_https() {
  lxc config unset core.https_address 2>/dev/null || true
  local fingerprint
  for fingerprint in $(lxc config trust list --format csv | awk -F, '/hactl-lxd-test/ {print $4}'); do
    lxc config trust remove "$fingerprint" >/dev/null 2>&1 || true
  done
}

up() {
  mkdir -p "$STATE" && chmod 0700 "$STATE"
  install_packages;            timed "packages"
  record_baseline
  # Before the bridge exists: no container can ever forward beyond it.
  add_forward_drop
  start_daemon;                timed "daemon"
  preseed
  record_lxd_rules;            timed "preseed (pool, bridge, profile)"
  build_image;                 timed "image build (cached after once)"
  import_image;                timed "image import"
  enable_https;                timed "https on $HTTPS_ADDRESS"
  total up
  log "ready: socket /var/lib/lxd/unix.socket, https://$HTTPS_ADDRESS (client certificate in"\
    "$STATE), bridge $BRIDGE $BRIDGE_CIDR, image $IMAGE_ALIAS"
}

delete_recorded_rules() {
  [ -f "$RULES_FILE" ] || return 0
  local tool table spec
  # Newest first; a rule already gone is fine.
  tac "$RULES_FILE" | while read -r tool table spec; do
    case "$tool" in
      iptables|ip6tables)
        # shellcheck disable=SC2086  # the recorded spec is word-split on purpose
        eval "set -- ${spec#-A }"
        while "$tool" -t "$table" -C "$@" 2>/dev/null; do "$tool" -t "$table" -D "$@"; done ;;
      nft-table)
        nft delete table "$table" "$spec" 2>/dev/null || true ;;
      nft-table-if-empty)
        # Only when no rule at all is left in it (someone else may have added one since).
        if nft list table "$table" "$spec" >/dev/null 2>&1 \
            && ! iptables-save -t filter | grep -q '^-A' \
            && ! iptables-save -t filter | grep -q '^:[A-Z]* DROP'; then
          nft delete table "$table" "$spec" || true
        fi ;;
    esac
  done
  rm -f "$RULES_FILE"
}

down() {
  if daemon_pid >/dev/null; then
    local name
    for name in $(lxc list --format csv -c n); do
      lxc delete --force "$name"
    done
    timed "containers deleted"
    disable_https
    # Everything up made inside LXD, so that the next up starts clean (the image tarball stays
    # cached in $CACHE).
    lxc image delete "$IMAGE_ALIAS" >/dev/null 2>&1 || true
    lxc profile delete "$API_PROFILE" >/dev/null 2>&1 || true
    lxc profile device remove default eth0 >/dev/null 2>&1 || true
    lxc profile device remove default root >/dev/null 2>&1 || true
    lxc storage delete default >/dev/null 2>&1 || true
    lxc network delete "$BRIDGE" >/dev/null 2>&1 || true
    record_lxd_rules
    lxd shutdown --timeout 30 >/dev/null 2>&1 || kill -TERM "$(daemon_pid)" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while daemon_pid >/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    daemon_pid >/dev/null && die "lxd (pid $(daemon_pid)) did not stop in 30 s"
    timed "network deleted, daemon stopped"
  fi
  rm -f "$PID_FILE"
  # A loop device LXD attached for its pool file and left behind: only those of its own files.
  local loop
  for loop in $(losetup -j /var/lib/lxd/disks/default.img -O NAME -n 2>/dev/null); do
    losetup -d "$loop" || true
  done
  delete_recorded_rules
  # LXD may leave the bridge behind when it was killed: it is ours (nobody else uses the name).
  ip link show "$BRIDGE" >/dev/null 2>&1 && ip link delete "$BRIDGE"
  timed "recorded firewall rules removed"
  total down
}

status() {
  if pid=$(daemon_pid); then log "lxd: running (pid $pid)"; else log "lxd: stopped"; fi
  if pid=$(daemon_pid) >/dev/null; then
    lxc network show "$BRIDGE" >/dev/null 2>&1 && log "bridge: $BRIDGE up" || log "bridge: absent"
    lxc image info "$IMAGE_ALIAS" >/dev/null 2>&1 && log "image: $IMAGE_ALIAS imported" \
      || log "image: $IMAGE_ALIAS not imported"
    log "containers: $(lxc list --format csv -c ns | tr '\n' ' ')"
  fi
  [ -f "$IMAGE_FILE" ] && log "image cache: $IMAGE_FILE" || log "image cache: none"
  iptables -C "${FORWARD_RULE[@]}" 2>/dev/null && log "forward drop: present" \
    || log "forward drop: absent"
  log "recorded rules: $( [ -f "$RULES_FILE" ] && wc -l <"$RULES_FILE" || echo 0)"
  daemon_pid >/dev/null
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
