# shellcheck shell=bash
# Helpers shared by the lab's parts. Sourced by scripts/lab after LAB_NET/LAB_DIR are set.
# Every process the lab starts goes through lab_start, so `lab down` can stop exactly those.

lab_log() { printf '%s lab: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
lab_die() { printf 'lab: %s\n' "$*" >&2; exit 1; }

# Address of a node: node-1..3 -> .2..4, drbd-a/b -> .5/.6, lab -> .1
lab_addr() {
  case "$1" in
    node-1) echo "$LAB_NET.2" ;; node-2) echo "$LAB_NET.3" ;; node-3) echo "$LAB_NET.4" ;;
    drbd-a) echo "$LAB_NET.5" ;; drbd-b) echo "$LAB_NET.6" ;; lab) echo "$LAB_NET.1" ;;
    *) lab_die "unknown node '$1' (expected node-1, node-2, node-3, drbd-a, drbd-b)" ;;
  esac
}
LAB_PG_NODES=(node-1 node-2 node-3)

# Exits with a one-line error unless $1 is one of node-1..3.
lab_require_pg_node() {
  case "${1:-}" in
    node-1|node-2|node-3) ;;
    "") lab_die "this fault needs a NODE (node-1, node-2 or node-3)" ;;
    *) lab_die "unknown node '$1' (expected node-1, node-2 or node-3)" ;;
  esac
}

lab_mkdirs() {
  mkdir -p "$LAB_DIR/run" "$LAB_DIR/log" "$LAB_DIR/data"
  mkdir -p -m 0700 "$LAB_DIR/secrets"
}

# --- apt: update at most once per `lab` invocation, and only when something is missing ----
LAB_APT_UPDATED=${LAB_APT_UPDATED:-0}
lab_pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
lab_apt_install() {
  local missing=() p
  for p in "$@"; do lab_pkg_installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || lab_die "packages missing (${missing[*]}) and not root to install them"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -q -y -o DPkg::Lock::Timeout=600)
  if [ "$LAB_APT_UPDATED" != 1 ]; then
    lab_log "apt-get update"
    "${apt[@]}" update >&2
    LAB_APT_UPDATED=1
  fi
  # Package scripts must not start Debian's default services (postgresql 15/main, etcd on
  # 127.0.0.1): forbid service starts for the duration of the install, unless a policy exists.
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; made_policy=1
  fi
  lab_log "apt-get install ${missing[*]}"
  local rc=0
  "${apt[@]}" install --no-install-recommends "${missing[@]}" >&2 || rc=$?
  [ "$made_policy" = 1 ] && rm -f "$policy"
  [ "$rc" -eq 0 ] || lab_die "apt-get install ${missing[*]} failed"
}

# --- processes ------------------------------------------------------------------------------
# A pid file holds the pid and the process start time (field 22 of /proc/PID/stat) so a
# recycled pid is never mistaken for ours.
_lab_starttime() { awk '{sub(/^.*\) /, ""); print $20}' "/proc/$1/stat" 2>/dev/null; }
# A killed process stays in /proc as a zombie until PID 1 reaps it (seconds here): not running.
lab_zombie() { [ "$(awk '{sub(/^.*\) /, ""); print $1}' "/proc/$1/stat" 2>/dev/null)" = Z ]; }
# lab_await_reaped SECONDS PID… : waits until none of the PIDs is a zombie any more. A zombie's pid
# still "exists" for kill -0, which is how PostgreSQL and pg_ctl judge a postmaster.pid.
lab_await_reaped() {
  local t=$1 p z; shift
  for _ in $(seq $((t * 10))); do
    z=0; for p in "$@"; do lab_zombie "$p" && z=1; done
    [ "$z" = 0 ] && return 0
    sleep 0.1
  done
  return 1
}
lab_pidfile() { echo "$LAB_DIR/run/$1.pid"; }
lab_pid() {  # prints the pid of NAME if it is running, else fails
  local f pid st
  f=$(lab_pidfile "$1"); [ -f "$f" ] || return 1
  { read -r pid; read -r st; } <"$f" || true
  [ -n "${pid:-}" ] && [ -d "/proc/$pid" ] || return 1
  ! lab_zombie "$pid" || return 1
  [ -z "${st:-}" ] || [ "$(_lab_starttime "$pid")" = "$st" ] || return 1
  echo "$pid"
}
lab_running() { lab_pid "$1" >/dev/null; }
# lab_frozen PID… : true when any of them is stopped (SIGSTOP: state T).
lab_frozen() {
  local p; for p in "$@"; do
    [ "$(awk '{sub(/^.*\) /, ""); print $1}' "/proc/$p/stat" 2>/dev/null)" = T ] && return 0
  done
  return 1
}
# lab_heal_frozen NAME : SIGCONT NAME's process group if it is frozen; says so.
lab_heal_frozen() {
  local pid; pid=$(lab_pid "$1") || return 0
  # shellcheck disable=SC2046
  if lab_frozen "$pid" $(pgrep -g "$pid" 2>/dev/null); then
    kill -CONT -- "-$pid" 2>/dev/null || kill -CONT "$pid" 2>/dev/null || true
    echo "heal: continued frozen $1 (pid $pid)"
  fi
}

# lab_start NAME cmd… : runs cmd in its own session (setsid), stdout+stderr to log/NAME.log,
# pid (= process group id) in run/NAME.pid. A no-op when NAME is already running.
lab_start() {
  local name=$1; shift
  if lab_running "$name"; then return 0; fi
  lab_mkdirs
  local log="$LAB_DIR/log/$name.log"
  printf '\n=== %s start: %s\n' "$(date -Is)" "$name" >>"$log"
  setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  local pid=$!
  local st=""; for _ in 1 2 3 4 5; do st=$(_lab_starttime "$pid"); [ -n "$st" ] && break; sleep 0.02; done
  printf '%s\n%s\n' "$pid" "$st" >"$(lab_pidfile "$name")"
}

# lab_signal NAME SIG : signal NAME's whole process group (and NAME itself).
lab_signal() {
  local pid; pid=$(lab_pid "$1") || return 1
  kill "-$2" -- "-$pid" 2>/dev/null || kill "-$2" "$pid" 2>/dev/null || true
}

# lab_stop NAME [SECONDS] : TERM the group, KILL it after SECONDS (default 10), drop pid file.
lab_stop() {
  local name=$1 t=${2:-10} pid
  if pid=$(lab_pid "$name"); then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local end=$((SECONDS + t))
    while [ -d "/proc/$pid" ] && [ "$SECONDS" -lt "$end" ]; do sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    # a zombie until reaped by init; wait until it is gone from the table or a zombie
    local i; for i in $(seq 50); do
      [ -d "/proc/$pid" ] || break
      grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && break
      sleep 0.05
    done
  fi
  rm -f "$(lab_pidfile "$name")"
}

# lab_wait_until SECONDS DESC cmd… : retry cmd (quietly) every 0.5 s until it succeeds.
# Never waits past $LAB_DEADLINE (epoch seconds) when the dispatcher set one.
lab_wait_until() {
  local t=$1 desc=$2; shift 2
  local end=$(( $(date +%s) + t ))
  if [ -n "${LAB_DEADLINE:-}" ] && [ "$LAB_DEADLINE" -lt "$end" ]; then end=$LAB_DEADLINE; fi
  while :; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    [ "$(date +%s)" -ge "$end" ] && { lab_log "timed out waiting for: $desc"; return 1; }
    sleep 0.5
  done
}

# lab_status_line NAME DETAIL : one status line for a process the lab started.
lab_status_line() {
  local pid
  if pid=$(lab_pid "$1"); then printf '%-22s running  pid %-7s %s\n' "$1" "$pid" "${2:-}"
  elif [ -f "$(lab_pidfile "$1")" ]; then printf '%-22s DEAD     %-11s %s\n' "$1" "" "${2:-}"
  else printf '%-22s stopped  %-11s %s\n' "$1" "" "${2:-}"; fi
}

# A random secret (48 hex chars) in secrets/NAME, created once, mode 0600.
lab_secret_ensure() {
  local f="$LAB_DIR/secrets/$1"
  lab_mkdirs
  if [ ! -s "$f" ]; then
    (umask 077; { openssl rand -hex 24 2>/dev/null || head -c 24 /dev/urandom | od -An -tx1; } | tr -d ' \n' >"$f.tmp")
    mv "$f.tmp" "$f"
  fi
  chmod 0600 "$f"
}
lab_secret_file() { echo "$LAB_DIR/secrets/$1"; }
