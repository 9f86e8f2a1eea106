# shellcheck shell=bash
# pair part: the legacy pair around the DRBD simulator, for real: Debian's keepalived on drbd-a and
# drbd-b, each in a network namespace of its own (hd-<LAB_NET with dashes>-a / -b, so that labs
# coexist), joined by a veth pair (vrrp0 on both sides), unicast VRRP, one VIP.  The addresses live
# only inside those namespaces (no route from the root namespace).  keepalived's notify script
# (lab.d/pair-notify) does the seeds' cluster-script steps through the simulator (DRBD role, mount)
# and starts/stops the pair's services as real processes; each node's init (lab.d/pair-init, root)
# starts and stops its keepalived, also when asked over ssh (`systemctl start|stop keepalived`).
# Files: $LAB_DIR/pair/{pair.env,pair.json,bin/,drbd-a/,drbd-b/}; logs: log/keepalived-NODE.log.

PAIR_NODES=(drbd-a drbd-b)
PAIR_VIP=10.77.0.100
PAIR_SERVICES="postgresql rabbitmq solr"
PAIR_MOUNT=/var/opt/hadeck/drbd/data
PAIR_DEVICE=/dev/drbd0

pair_dir() { echo "$LAB_DIR/pair"; }
pair_ns() { echo "hd-${LAB_NET//./-}-${1#drbd-}"; }
pair_addr() { case "$1" in drbd-a) echo 10.77.0.1 ;; drbd-b) echo 10.77.0.2 ;; esac; }
pair_require_node() {
  case "${1:-}" in drbd-a|drbd-b) ;; "") lab_die "this fault needs a NODE (drbd-a or drbd-b)" ;;
    *) lab_die "unknown node '$1' (expected drbd-a or drbd-b)" ;; esac
}
# the simulator as the node itself (root: the same commands an operator or the notify script runs)
pair_on() { local n=$1; shift; drbd_sim --node "$n" -- "$@"; }

pair_install() { lab_apt_install keepalived iproute2 libcap2-bin util-linux; }

pair_files() {
  local p n repo; p=$(pair_dir); repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  mkdir -p "$p/bin" && chmod 0755 "$p" "$p/bin"
  for n in "${PAIR_NODES[@]}"; do mkdir -p "$p/$n/svc"; chmod 0755 "$p/$n" "$p/$n/svc"; done
  # keepalived runs scripts only from root-owned places nobody else may write to
  install -m 0755 "$repo/scripts/lab.d/pair-notify" "$repo/scripts/lab.d/pair-init" "$p/bin/"
  # `ip -j addr` of a node, asked over ssh by its (unprivileged) login: nsenter with CAP_SYS_ADMIN,
  # usable by that login's group only (iproute2's own `ip -n` drops capabilities)
  install -m 0750 -g "$SSHD_USER_DRBD" /usr/bin/nsenter "$p/bin/nsenter"
  setcap cap_sys_admin+ep "$p/bin/nsenter" || lab_die "pair: setcap on $p/bin/nsenter failed"
  {
    echo "SIM=$repo/scripts/drbd-sim/drbd-sim"
    echo "DRBD_DIR=$LAB_DIR/drbd"
    echo "LOG_DIR=$LAB_DIR/log"
    echo "LOGIN_GROUP=$SSHD_USER_DRBD"
    echo "VIP=$PAIR_VIP"
    echo "RESOURCES=\"pc0\""
    echo "SERVICES=\"$PAIR_SERVICES\""
    echo "MOUNTPOINT=$PAIR_MOUNT"
    echo "DEVICE=$PAIR_DEVICE"
    for n in "${PAIR_NODES[@]}"; do
      local v=${n//-/_} other; other=$([ "$n" = drbd-a ] && echo drbd-b || echo drbd-a)
      echo "NS_$v=$(pair_ns "$n")"
      echo "ADDR_$v=$(pair_addr "$n")"
      echo "PEERADDR_$v=$(pair_addr "$other")"
      echo "PRIO_$v=$([ "$n" = drbd-a ] && echo 150 || echo 100)"
    done
  } >"$p/pair.env"
  cat >"$p/pair.json" <<JSON
{"netns": {"drbd-a": "$(pair_ns drbd-a)", "drbd-b": "$(pair_ns drbd-b)"}, "nsenter": "$p/bin/nsenter",
 "services": [$(printf '"%s",' $PAIR_SERVICES | sed 's/,$//')], "mountpoint": "$PAIR_MOUNT", "device": "$PAIR_DEVICE",
 "vip": "$PAIR_VIP"}
JSON
  chmod 0644 "$p/pair.env" "$p/pair.json"
}

pair_net_up() {
  local a b; a=$(pair_ns drbd-a); b=$(pair_ns drbd-b)
  for n in "$a" "$b"; do [ -e "/run/netns/$n" ] || ip netns add "$n"; ip -n "$n" link set lo up; done
  if ! ip -n "$a" link show vrrp0 >/dev/null 2>&1; then
    ip -n "$b" link del vrrp0 2>/dev/null || true
    ip link add vrrp0 netns "$a" type veth peer name vrrp0 netns "$b"
  fi
  for n in drbd-a drbd-b; do
    local ns; ns=$(pair_ns "$n")
    ip -n "$ns" addr replace "$(pair_addr "$n")/24" dev vrrp0
    ip -n "$ns" link set vrrp0 up
  done
}

pair_net_down() {
  local n; for n in drbd-a drbd-b; do ip netns del "$(pair_ns "$n")" 2>/dev/null || true; done
}

# notify record field of a node: pair_field NODE state|result
pair_field() { sed -n "s/^$2=//p" "$(pair_dir)/$1/notify.state" 2>/dev/null | tail -1; }
pair_ka_pids() { local f p; for f in keepalived vrrp; do p=$(cat "$(pair_dir)/$1/$f.pid" 2>/dev/null) && [ -d "/proc/$p" ] && echo "$p"; done; }
pair_has_vip() { ip -n "$(pair_ns "$1")" -4 -o addr show dev vrrp0 2>/dev/null | grep -q " $PAIR_VIP/"; }

pair_ka() { pair_on "$1" systemctl "$2" keepalived; }

pair_wait_state() {  # NODE STATE SECONDS: until the node's notify ran to the end for STATE
  local n=$1 s=$2 t=$3 i
  for i in $(seq $((t * 5))); do
    [ "$(pair_field "$n" state)" = "$s" ] && [ -n "$(pair_field "$n" result)" ] && return 0
    sleep 0.2
  done
  return 1
}

pair_start_inits() {
  local n; for n in "${PAIR_NODES[@]}"; do
    lab_running "pair-init-$n" || lab_start "pair-init-$n" "$(pair_dir)/bin/pair-init" "$n"
  done
  for n in "${PAIR_NODES[@]}"; do
    for _ in $(seq 50); do [ -p "$(pair_dir)/$n/initctl" ] && break; sleep 0.1; done
  done
}

pair_up() {
  drbd_up                      # the notify script needs the pair state (parts start in parallel)
  pair_files
  pair_net_up
  pair_start_inits
  # drbd-a first, so that it is the owner of a new lab; drbd-b joins as backup
  if [ -z "$(pair_ka_pids drbd-a)" ] && [ -z "$(pair_ka_pids drbd-b)" ]; then
    pair_ka drbd-a start
    pair_wait_state drbd-a MASTER 20 || lab_log "pair: drbd-a did not become MASTER (log/keepalived-drbd-a.log)"
  fi
  local n; for n in "${PAIR_NODES[@]}"; do [ -n "$(pair_ka_pids "$n")" ] || pair_ka "$n" start; done
}

# healthy: keepalived running (not frozen) on both, one MASTER whose notify ran to the end and
# holds the VIP alone, the other BACKUP, no refused takeover
pair_healthy() {
  local n m="" b="" p
  for n in "${PAIR_NODES[@]}"; do
    p=$(pair_ka_pids "$n" | head -1); [ -n "$p" ] || return 1
    # shellcheck disable=SC2046
    ! lab_frozen $(pair_ka_pids "$n") || return 1
    [ "$(cat "$(pair_dir)/$n/takeover-refused" 2>/dev/null)" = 1 ] && return 1
    [ "$(pair_field "$n" result)" = done ] || return 1
    case "$(pair_field "$n" state)" in MASTER) m=$n ;; BACKUP) b=$n ;; *) return 1 ;; esac
  done
  [ -n "$m" ] && [ -n "$b" ] && pair_has_vip "$m" && ! pair_has_vip "$b" && pair_drbd_follows "$m" "$b"
}
# The VIP holder is DRBD Primary on every resource and the other node Secondary: a DRBD control
# that moved a role behind keepalived's back (drbd-reset, drbd-role) leaves the pair unhealthy, so
# that `lab heal` resets it instead of calling it fine.
pair_drbd_follows() {
  local shown
  shown=$(drbd_sim lab show 2>/dev/null) || return 1
  ! grep -E "^$1(/[^:]*)?: " <<<"$shown" | grep -vq ' ro:Primary/' \
    && ! grep -E "^$2(/[^:]*)?: " <<<"$shown" | grep -vq ' ro:Secondary/'
}
pair_wait() { lab_wait_until "${1:-30}" "pair: one keepalived MASTER holding the VIP and DRBD Primary, the other BACKUP" pair_healthy; }

pair_status() {
  local n
  for n in "${PAIR_NODES[@]}"; do
    printf '%-22s keepalived %-8s vrrp %-7s vip %-3s %s\n' "keepalived-$n" \
      "$([ -n "$(pair_ka_pids "$n")" ] && { lab_frozen $(pair_ka_pids "$n") && echo frozen || echo running; } || echo stopped)" \
      "$(pair_field "$n" state || true)" "$(pair_has_vip "$n" && echo yes || echo no)" "ns $(pair_ns "$n")"
  done
}

pair_kill_node() {  # every process of the node: keepalived and the services
  local n=$1 p f
  # shellcheck disable=SC2046
  kill -KILL $(pair_ka_pids "$n") 2>/dev/null || true
  for f in "$(pair_dir)/$n"/svc/*.pid; do [ -e "$f" ] || continue; p=$(cat "$f"); kill -KILL "$p" 2>/dev/null || true; rm -f "$f"; done
}

pair_down() {
  local n
  for n in "${PAIR_NODES[@]}"; do
    # shellcheck disable=SC2046
    kill -CONT $(pair_ka_pids "$n") 2>/dev/null || true
    lab_stop "pair-init-$n" 5          # its TERM trap stops keepalived (the notify stops the services)
    pair_kill_node "$n"
  done
  pair_net_down
}

# heal: continue a frozen keepalived, start what is not running; a pair in any other state (two
# masters, a refused takeover, a crashed node) is reset: drbd-a the owner, drbd-b backup.
pair_heal() {
  local n p
  for n in "${PAIR_NODES[@]}"; do
    p=$(pair_ka_pids "$n" | tr '\n' ' ')
    # shellcheck disable=SC2086
    if [ -n "$p" ] && lab_frozen $p; then kill -CONT $p; echo "heal: continued frozen keepalived on $n"; fi
  done
  pair_files; pair_net_up; pair_start_inits
  lab_wait_until 6 "pair: settles" pair_healthy && return 0
  local was; was=$(pair_status | tr -s ' ' | tr '\n' ';')
  pair_reset
  echo "heal: reset the keepalived pair, drbd-a the owner (was: ${was%;})"
}

# The pair from scratch: keepalived and the services stopped, unmounted, the VIP dropped, DRBD reset
# (drbd-a Primary), then drbd-a's keepalived first (it becomes the owner) and drbd-b's.
pair_reset() {
  local n
  for n in "${PAIR_NODES[@]}"; do pair_ka "$n" stop >/dev/null 2>&1 || true; pair_kill_node "$n"; done
  for n in "${PAIR_NODES[@]}"; do
    pair_on "$n" umount "$PAIR_MOUNT" >/dev/null 2>&1 || true
    rm -f "$(pair_dir)/$n/notify.state" "$(pair_dir)/$n/cluster-status"
    ip -n "$(pair_ns "$n")" addr del "$PAIR_VIP/24" dev vrrp0 2>/dev/null || true
  done
  drbd_sim lab reset
  pair_ka drbd-a start
  pair_wait_state drbd-a MASTER 20 || true
  pair_ka drbd-b start
}

pair_fault_names() {
  echo "keepalived-stop NODE|keepalived-start NODE|keepalived-freeze NODE|keepalived-thaw NODE|pair-node-crash NODE|pair-node-off NODE|pair-node-cut NODE|pair-node-start NODE"
}

# Faults:
#   keepalived-stop NODE    graceful handover: `systemctl stop keepalived` on NODE (notify STOP there,
#                           the peer becomes MASTER)
#   keepalived-start NODE   start it again (BACKUP, unless NODE's last status was master)
#   keepalived-freeze NODE  SIGSTOP to NODE's keepalived: the peer takes over, the VIP is on both
#   keepalived-thaw NODE    SIGCONT: the frozen one sees the other master and drops to BACKUP
#   pair-node-crash NODE    every process of NODE killed, its addresses gone, DRBD not started
#   pair-node-off NODE      NODE is powered off: as pair-node-crash, and its ssh logins get no answer
#                           (hadeck must judge it from its peer's own evidence) until pair-node-start
#   pair-node-cut NODE      NODE runs on but is cut off from hadeck (ssh: no answer) and from its DRBD
#                           peer (drbdadm disconnect there); keepalived's heartbeat link still works,
#                           so its peer stays BACKUP.  `lab heal` undoes it (DRBD reset)
#   pair-node-start NODE    NODE boots: DRBD up, keepalived started (a former master tries to take
#                           the pair back; refused when the disk was written while it was down)
pair_fault() {
  local name=$1 n=${2:-} p
  case "$name" in
    keepalived-stop|keepalived-start|keepalived-freeze|keepalived-thaw|pair-node-crash|pair-node-off|pair-node-cut|pair-node-start) ;;
    *) return 2 ;;
  esac
  pair_require_node "$n"
  case "$name" in
    keepalived-stop) pair_ka "$n" stop ;;
    keepalived-start) pair_ka "$n" start ;;
    keepalived-freeze|keepalived-thaw)
      p=$(pair_ka_pids "$n" | tr '\n' ' '); [ -n "$p" ] || lab_die "$name: keepalived is not running on $n"
      # shellcheck disable=SC2086
      kill "$([ "$name" = keepalived-freeze ] && echo -STOP || echo -CONT)" $p ;;
    pair-node-crash|pair-node-off)
      [ "$name" = pair-node-crash ] || drbd_sim lab silence "$n" "$n is powered off (lab fault pair-node-off)"
      pair_kill_node "$n"
      ip -n "$(pair_ns "$n")" addr del "$PAIR_VIP/24" dev vrrp0 2>/dev/null || true
      rm -f "$(pair_dir)/$n/notify.state"       # /run does not survive a reboot; cluster-status does
      drbd_sim lab crash "$n" ;;
    pair-node-cut)
      drbd_sim lab silence "$n" "$n is cut off from hadeck (lab fault pair-node-cut)"
      pair_on "$n" drbdadm disconnect all >/dev/null ;;
    pair-node-start)
      drbd_sim lab answer "$n" >/dev/null
      pair_on "$n" drbdadm up all >/dev/null 2>&1 || true
      pair_ka "$n" start ;;
  esac
}
