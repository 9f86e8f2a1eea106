# shellcheck shell=bash
# Part `patroni`: three PostgreSQL 15 nodes managed by Patroni 3.0.2 (Debian packages), etcd3 DCS.
# Patroni runs as `postgres` under Debian's /usr/bin/python3 (never a python3 found on PATH).

PG_BIN=/usr/lib/postgresql/15/bin
PATRONI_PY=/usr/bin/python3
PATRONI_SCOPE=lab
PATRONI_NS=/service/
# Faster than Patroni's defaults (30/10/10) so failover tests are quick; loop_wait + 2*retry <= ttl.
PATRONI_TTL=${HADECK_LAB_PATRONI_TTL:-10}
PATRONI_LOOP_WAIT=${HADECK_LAB_PATRONI_LOOP_WAIT:-2}
PATRONI_RETRY_TIMEOUT=${HADECK_LAB_PATRONI_RETRY_TIMEOUT:-4}

patroni_install() { lab_apt_install patroni postgresql-15 postgresql-contrib jq curl; }

patroni_dir() { echo "$LAB_DIR/data/patroni"; }
patroni_node_dir() { echo "$(patroni_dir)/$1"; }           # socket dir, pgpass; pgdata inside
patroni_pgdata() { echo "$(patroni_dir)/$1/pgdata"; }
patroni_yaml() { echo "$(patroni_dir)/$1.yml"; }
patroni_api() { echo "http://$(lab_addr "$1"):8008"; }

# Runs a command as postgres, with Debian's tools first on PATH, from a directory it can read.
as_postgres() {
  (cd / && exec setpriv --reuid=postgres --regid=postgres --init-groups \
     env -i HOME=/var/lib/postgresql USER=postgres LOGNAME=postgres LANG=C.UTF-8 \
     PATH=/usr/bin:/bin:/usr/sbin:/sbin "$@")
}

patroni_secrets() {
  local s
  for s in pg-superuser.password pg-replication.password pg-monitor.password patroni-api.password; do
    lab_secret_ensure "$s"
  done
  # postgres must read what Patroni and post_bootstrap need; root reads everything anyway.
  chown postgres:postgres "$LAB_DIR/secrets" \
    "$LAB_DIR/secrets/"{pg-superuser,pg-replication,pg-monitor,patroni-api}.password
}

patroni_write_post_bootstrap() {
  local f; f="$(patroni_dir)/post_bootstrap.sh"
  cat >"$f" <<EOF
#!/bin/sh
# Patroni post_bootstrap: creates hadeck's monitoring role. The password goes in as a SCRAM
# verifier on stdin, so it is never in a process list nor in a server log.
set -eu
verifier=\$($PATRONI_PY - "$(lab_secret_file pg-monitor.password)" <<'PY'
import base64, hashlib, hmac, os, sys
pw = open(sys.argv[1], 'rb').read().strip()
salt, it = os.urandom(16), 4096
salted = hashlib.pbkdf2_hmac('sha256', pw, salt, it)
ck = hmac.new(salted, b'Client Key', 'sha256').digest()
sk = hmac.new(salted, b'Server Key', 'sha256').digest()
b = lambda x: base64.b64encode(x).decode()
print('SCRAM-SHA-256\$%d:%s\$%s:%s' % (it, b(salt), b(hashlib.sha256(ck).digest()), b(sk)))
PY
)
printf "CREATE ROLE hadeck_monitor LOGIN IN ROLE pg_monitor PASSWORD '%s';\n" "\$verifier" \
  | $PG_BIN/psql -X -q -v ON_ERROR_STOP=1 "\$1"
EOF
  chown postgres:postgres "$f"; chmod 0700 "$f"
}

# A secure lab etcd (scripts/lab.d/etcd.sh): https with Patroni's client certificate, as user patroni.
patroni_etcd_secure() {
  if has_fn etcd_secure && etcd_secure; then
    local t; t=$(etcd_tls)
    printf '\n  protocol: https\n  cacert: %s\n  cert: %s\n  key: %s\n  username: patroni\n  password: "%s"' \
      "$t/ca.pem" "$t/patroni.pem" "$t/patroni.key" "$(cat "$(lab_secret_file etcd-patroni.password)")"
  fi
}

patroni_write_yaml() {
  local node=$1 ip hosts="" n f
  ip=$(lab_addr "$node")
  for n in "${LAB_PG_NODES[@]}"; do hosts+="${hosts:+, }$(lab_addr "$n"):2379"; done
  f=$(patroni_yaml "$node")
  local su rp api
  su=$(cat "$(lab_secret_file pg-superuser.password)")
  rp=$(cat "$(lab_secret_file pg-replication.password)")
  api=$(cat "$(lab_secret_file patroni-api.password)")
  (umask 077; cat >"$f.tmp" <<EOF
# Written by scripts/lab. Holds secrets: mode 0600, owner postgres.
scope: $PATRONI_SCOPE
namespace: $PATRONI_NS
name: $node
restapi:
  listen: $ip:8008
  connect_address: $ip:8008
  authentication:
    username: hadeck
    password: "$api"
etcd3:
  hosts: [$hosts]$(patroni_etcd_secure)
bootstrap:
  dcs:
    ttl: $PATRONI_TTL
    loop_wait: $PATRONI_LOOP_WAIT
    retry_timeout: $PATRONI_RETRY_TIMEOUT
    maximum_lag_on_failover: 1048576
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 128MB
        max_connections: 50
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
  post_bootstrap: $(patroni_dir)/post_bootstrap.sh
postgresql:
  listen: $ip:5432
  connect_address: $ip:5432
  data_dir: $(patroni_pgdata "$node")
  bin_dir: $PG_BIN
  pgpass: $(patroni_node_dir "$node")/pgpass
  authentication:
    superuser:
      username: postgres
      password: "$su"
    replication:
      username: replicator
      password: "$rp"
  parameters:
    unix_socket_directories: $(patroni_node_dir "$node")
    shared_buffers: 32MB
    log_min_messages: warning
  pg_hba:
    - local all postgres peer
    - local all all scram-sha-256
    - host replication replicator 127.0.0.0/8 scram-sha-256
    - host all hadeck_monitor 127.0.0.0/8 scram-sha-256
    - host all all 127.0.0.0/8 scram-sha-256
tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
  nosync: false
EOF
  )
  chown postgres:postgres "$f.tmp"; chmod 0600 "$f.tmp"; mv "$f.tmp" "$f"
}

patroni_start_node() {  # starts Patroni for NODE (config must exist)
  local node=$1
  lab_start "patroni-$node" setpriv --reuid=postgres --regid=postgres --init-groups \
    env -i HOME=/var/lib/postgresql USER=postgres LOGNAME=postgres LANG=C.UTF-8 \
    PATH=/usr/bin:/bin:/usr/sbin:/sbin \
    "$PATRONI_PY" /usr/bin/patroni "$(patroni_yaml "$node")"
}

patroni_up() {
  as_postgres test -x "$LAB_DIR" 2>/dev/null \
    || lab_die "user postgres cannot reach $LAB_DIR: set HADECK_LAB_DIR to a path it can traverse"
  patroni_secrets
  mkdir -p "$(patroni_dir)"; chown postgres:postgres "$(patroni_dir)"; chmod 0700 "$(patroni_dir)"
  patroni_write_post_bootstrap
  local n
  for n in "${LAB_PG_NODES[@]}"; do
    lab_running "patroni-$n" && continue
    patroni_stop_orphan "$n"
    as_postgres mkdir -p -m 0700 "$(patroni_node_dir "$n")"
    patroni_write_yaml "$n"
    patroni_start_node "$n"
  done
}

# PID of NODE's postmaster (first line of postmaster.pid) if it is alive.
patroni_postmaster_pid() {
  local f pid; f="$(patroni_pgdata "$1")/postmaster.pid"
  [ -r "$f" ] || return 1
  read -r pid <"$f" || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] || return 1
  echo "$pid"
}
patroni_await_reaped() {  # the dead Patroni's and postmaster's zombies, if any, gone (up to 30 s)
  local f pids=""
  f=$(lab_pidfile "patroni-$1"); [ -f "$f" ] && pids="$(head -1 "$f")"
  f="$(patroni_pgdata "$1")/postmaster.pid"; [ -r "$f" ] && pids="$pids $(head -1 "$f")"
  # shellcheck disable=SC2086
  [ -z "${pids// /}" ] || lab_await_reaped 30 $pids || lab_log "zombies of $1 not reaped after 30 s: $pids"
}
patroni_pg_pids() {  # postmaster and its children
  local pm; pm=$(patroni_postmaster_pid "$1") || return 1
  echo "$pm"; pgrep -P "$pm" || true
}

# A postmaster left behind by a dead Patroni: stop it cleanly (fast), then immediately if stuck.
patroni_stop_orphan() {
  local node=$1 pm
  pm=$(patroni_postmaster_pid "$node") || return 0
  kill -CONT $(patroni_pg_pids "$node") 2>/dev/null || true
  lab_log "stopping orphan postmaster of $node (pid $pm)"
  as_postgres "$PG_BIN/pg_ctl" stop -D "$(patroni_pgdata "$node")" -m fast -w -t 15 >/dev/null 2>&1 \
    || as_postgres "$PG_BIN/pg_ctl" stop -D "$(patroni_pgdata "$node")" -m immediate -w -t 10 >/dev/null 2>&1 \
    || kill -KILL "$pm" 2>/dev/null || true
}

patroni_cluster_json() {  # /cluster from the first Patroni that answers
  local n
  for n in "${LAB_PG_NODES[@]}"; do
    curl -sf -m 2 "$(patroni_api "$n")/cluster" && return 0
  done
  return 1
}

# Name of the current primary according to Patroni's leader (fails when there is none).
patroni_primary() {
  local j l
  j=$(patroni_cluster_json) || return 1
  l=$(jq -r '[.members[] | select(.role == "leader" or .role == "master" or .role == "primary") | .name][0] // empty' <<<"$j")
  [ -n "$l" ] && echo "$l"
}

patroni_psql() {  # patroni_psql NODE [psql args…] : superuser over the node's unix socket
  local node=$1; shift
  as_postgres "$PG_BIN/psql" -X -h "$(patroni_node_dir "$node")" -p 5432 -U postgres -d postgres "$@"
}

patroni_healthy() {
  local j leader streaming
  j=$(patroni_cluster_json) || return 1
  leader=$(jq -r '[.members[] | select(.role == "leader" or .role == "master" or .role == "primary")] | if length == 1 then .[0].name else empty end' <<<"$j")
  [ -n "$leader" ] || return 1
  [ "$(jq '[.members[] | select(.role == "replica" and (.state == "running" or .state == "streaming"))] | length' <<<"$j")" -eq 2 ] || return 1
  streaming=$(as_postgres timeout 3 "$PG_BIN/psql" -X -h "$(patroni_node_dir "$leader")" -p 5432 -U postgres -d postgres \
    -Atc "select count(*) from pg_stat_replication where state = 'streaming'") || return 1
  [ "$streaming" = 2 ]
}

patroni_wait() {
  lab_wait_until "${1:-60}" "patroni: a leader and 2 streaming replicas" patroni_healthy
}

patroni_down() {
  local n pids=() pid
  for n in "${LAB_PG_NODES[@]}"; do
    if [ "${LAB_WIPE:-0}" = 1 ]; then
      lab_stop "patroni-$n" 0 & pids+=($!)
    else
      lab_stop "patroni-$n" 20 & pids+=($!)
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  # Postmasters survive their Patroni (it starts them in their own session): stop leftovers by
  # the pid in postmaster.pid.
  for n in "${LAB_PG_NODES[@]}"; do
    if pid=$(patroni_postmaster_pid "$n"); then
      kill -CONT $(patroni_pg_pids "$n") 2>/dev/null || true
      kill -QUIT "$pid" 2>/dev/null || true
      ( for _ in $(seq 50); do [ -d "/proc/$pid" ] || exit 0; sleep 0.1; done; kill -KILL "$pid" 2>/dev/null ) &
    fi
  done
  wait
}

patroni_status() {
  local j="" n role state
  j=$(patroni_cluster_json 2>/dev/null) || j=""
  for n in "${LAB_PG_NODES[@]}"; do
    role=""; state=""
    if [ -n "$j" ]; then
      role=$(jq -r --arg n "$n" '.members[] | select(.name == $n) | .role' <<<"$j")
      state=$(jq -r --arg n "$n" '.members[] | select(.name == $n) | .state' <<<"$j")
    fi
    lab_status_line "patroni-$n" "$(patroni_api "$n") pg $(lab_addr "$n"):5432 ${role:-?} ${state:-}"
  done
}

# --- heal: back to 1 leader + 2 streaming replicas from whatever the faults left ------------------
# Prints one line per repair. A replica that does not stream within HADECK_LAB_HEAL_GRACE seconds
# (default 25) while a leader is up is reinitialised through Patroni (POST /reinitialize): that is
# the cure for a history that diverged from the leader's (two rounds of patroni-kill under load
# leave an old primary with WAL the new timeline never had) and for WAL the leader has removed.
patroni_heal() {
  local n pids
  for n in "${LAB_PG_NODES[@]}"; do
    if pids=$(patroni_pg_pids "$n") && lab_frozen $pids; then
      # shellcheck disable=SC2086
      kill -CONT $pids 2>/dev/null || true
      echo "heal: continued frozen PostgreSQL on $n"
    fi
    lab_heal_frozen "patroni-$n"
    if grep -qs '^primary_conninfo' "$(patroni_pgdata "$n")/postgresql.auto.conf"; then
      patroni_timeline_fork_undo_conninfo "$n"; echo "heal: primary_conninfo of a timeline-fork taken out on $n"
    fi
    if ! lab_running "patroni-$n"; then
      patroni_await_reaped "$n"
      patroni_stop_orphan "$n" 2>/dev/null
      patroni_start_node "$n"
      echo "heal: started Patroni on $n"
    fi
  done
  patroni_heal_pause
  lab_wait_until 60 "patroni: a leader" patroni_primary || { echo "heal: no Patroni leader after 60 s" >&2; return 1; }
  patroni_heal_pending_restart
  lab_wait_until 60 "patroni: a leader" patroni_primary || { echo "heal: no Patroni leader after 60 s" >&2; return 1; }
  local grace=${HADECK_LAB_HEAL_GRACE:-25} end
  end=$(( $(date +%s) + grace ))
  while [ "$(date +%s)" -lt "$end" ]; do
    patroni_healthy && return 0
    sleep 1
  done
  local leader; leader=$(patroni_primary) || return 1
  local j state
  j=$(patroni_cluster_json) || j='{"members":[]}'
  for n in "${LAB_PG_NODES[@]}"; do
    [ "$n" = "$leader" ] && continue
    patroni_streams "$n" && continue
    # A replica Patroni is still cloning (a slow first bootstrap) is not broken: leave it be.
    state=$(jq -r --arg n "$n" '[.members[] | select(.name == $n) | .state][0] // ""' <<<"$j")
    case "$state" in "creating replica"|"initializing new cluster"|"running custom bootstrap script")
      echo "heal: $n is still $state; not reinitialising it" >&2; continue ;; esac
    patroni_reinit "$n" "$(patroni_why_not_streaming "$n")"
  done
}

# NODE's WAL receiver is streaming (asked of the standby itself, over its socket).
patroni_streams() {
  [ "$(as_postgres timeout 3 "$PG_BIN/psql" -X -h "$(patroni_node_dir "$1")" -p 5432 -U postgres -d postgres \
    -Atc "select status from pg_stat_wal_receiver" 2>/dev/null)" = streaming ]
}

# The last line of NODE's log that says why it cannot follow the leader, if any.
patroni_why_not_streaming() {
  tail -n 400 "$LAB_DIR/log/patroni-$1.log" 2>/dev/null \
    | grep -E 'is not a child of|has already been removed|could not find previous WAL record|pg_rewind|requested timeline|could not receive data from WAL stream|no pg_hba' \
    | tail -1 | sed -E 's/^.*(FATAL|ERROR|LOG|WARNING|INFO): *//' | cut -c1-160
}

patroni_reinit() {  # patroni_reinit NODE REASON : Patroni wipes NODE's data and clones it from the leader
  local node=$1 why=${2:-} user pw code
  user=hadeck; pw=$(cat "$(lab_secret_file patroni-api.password)")
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -u "$user:$pw" -X POST -H 'Content-Type: application/json' \
    -d '{"force": true}' "$(patroni_api "$node")/reinitialize") || code=000
  case "$code" in
    2*) echo "heal: reinitialised $node through Patroni (not streaming${why:+: $why})" ;;
    *) echo "heal: reinitialise $node through Patroni failed (HTTP $code)" >&2; return 1 ;;
  esac
  lab_wait_until 120 "patroni: $node streaming after reinit" patroni_streams "$node" \
    || echo "heal: $node still not streaming 120 s after reinit" >&2
}

# A test that paused the cluster (maintenance mode) and died leaves failover off: resume it.
patroni_heal_pause() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do
    if [ "$(curl -sf -m 2 "$(patroni_api "$n")/config" | jq -r '.pause // false' 2>/dev/null)" = true ]; then
      patroni_pause false && echo "heal: resumed Patroni (the cluster was paused)"
      return 0
    fi
  done
}

patroni_fault_names() {
  echo "pg-kill-postmaster [NODE]|node-crash [NODE]|patroni-kill [NODE]|node-start NODE|pg-stop NODE|pg-cont NODE|replay-pause NODE|replay-resume NODE|pending-restart NODE|timeline-fork [STANDBY]"
}

patroni_dead() { ! lab_running "patroni-$1"; }
patroni_default_node() {  # NODE given, or the current primary
  if [ -n "${1:-}" ]; then lab_require_pg_node "$1"; echo "$1"; return; fi
  patroni_primary || lab_die "no current primary to pick by default: give a NODE"
}

patroni_fault() {
  local name=$1 node=${2:-} pm
  case "$name" in
    pg-kill-postmaster)
      node=$(patroni_default_node "$node")
      pm=$(patroni_postmaster_pid "$node") || lab_die "no postmaster running on $node"
      kill -KILL "$pm"; echo "killed postmaster of $node (pid $pm); Patroni will restart it" ;;
    node-crash)
      node=$(patroni_default_node "$node")
      lab_signal "patroni-$node" KILL || true
      if pm=$(patroni_postmaster_pid "$node"); then
        kill -KILL $(patroni_pg_pids "$node") 2>/dev/null || true
      fi
      # SIGKILL is delivered, not done: return once the crash has happened, so that a `node-start`
      # or a `status` right after it sees Patroni dead, never still "running".
      lab_wait_until 10 "Patroni of $node dead" patroni_dead "$node" || lab_log "Patroni of $node still alive 10 s after SIGKILL"
      echo "crashed $node (Patroni and PostgreSQL killed); undo: lab fault node-start $node" ;;
    patroni-kill)
      node=$(patroni_default_node "$node")
      lab_signal "patroni-$node" KILL || lab_die "Patroni is not running on $node"
      lab_wait_until 10 "Patroni of $node dead" patroni_dead "$node" || lab_log "Patroni of $node still alive 10 s after SIGKILL"
      echo "killed Patroni on $node; its PostgreSQL keeps running; undo: lab fault node-start $node" ;;
    node-start)
      lab_require_pg_node "$node"
      if lab_running "patroni-$node"; then echo "Patroni already running on $node"; return 0; fi
      # Right after node-crash the killed Patroni and postmaster may still be zombies: the
      # postmaster.pid lock would then look held and PostgreSQL would refuse to start.
      patroni_await_reaped "$node"
      patroni_stop_orphan "$node"
      patroni_start_node "$node"
      echo "started Patroni on $node" ;;
    pg-stop)
      lab_require_pg_node "$node"
      pm=$(patroni_postmaster_pid "$node") || lab_die "no postmaster running on $node"
      kill -STOP "$pm"; kill -STOP $(pgrep -P "$pm") 2>/dev/null || true
      echo "stopped (SIGSTOP) PostgreSQL on $node; undo: lab fault pg-cont $node" ;;
    pg-cont)
      lab_require_pg_node "$node"
      pm=$(patroni_postmaster_pid "$node") || lab_die "no postmaster running on $node"
      kill -CONT $(pgrep -P "$pm") 2>/dev/null || true; kill -CONT "$pm"
      echo "continued (SIGCONT) PostgreSQL on $node" ;;
    replay-pause|replay-resume)
      # Patroni 3.0.2 on PostgreSQL 14+ undoes pg_wal_replay_pause() within one loop_wait
      # (handle_parameter_change resumes any paused replay). So the pause is made by stopping the
      # standby's startup (recovery) process: WAL is still received, but not replayed.
      lab_require_pg_node "$node"
      pm=$(patroni_postmaster_pid "$node") || lab_die "no postmaster running on $node"
      local startup
      startup=$(pgrep -P "$pm" -f 'startup' | head -1) || true
      if [ "$name" = replay-resume ]; then
        [ -n "$startup" ] && kill -CONT "$startup"
        patroni_psql "$node" -Atqc "select pg_wal_replay_resume()" >/dev/null 2>&1 || true
        echo "WAL replay resumed on $node"; return 0
      fi
      [ -n "$startup" ] && [ "$(patroni_psql "$node" -Atc 'select pg_is_in_recovery()' 2>/dev/null)" = t ] \
        || lab_die "$node is not a standby (or not reachable): cannot $name"
      patroni_psql "$node" -Atqc "select pg_wal_replay_pause()" >/dev/null 2>&1 || true
      kill -STOP "$startup"
      echo "WAL replay paused on $node (startup process $startup stopped); undo: lab fault replay-resume $node" ;;
    pending-restart)
      # A setting that needs a restart (shared_buffers), changed in NODE's own YAML and reloaded:
      # Patroni then reports "pending restart" for NODE. heal puts the setting back and restarts.
      lab_require_pg_node "$node"
      sed -i -E "s/^(    shared_buffers:).*/\1 40MB  $PATRONI_PENDING_MARK/" "$(patroni_yaml "$node")"
      patroni_api_post "$node" /reload >/dev/null || lab_die "Patroni on $node did not reload"
      echo "shared_buffers changed to 40MB on $node and reloaded: restart pending; undo: lab heal" ;;
    timeline-fork) patroni_timeline_fork "$node" ;;
    *) return 2 ;;
  esac
}

# timeline-fork [STANDBY]: STANDBY is left following a timeline its primary does not have (what a
# brief promotion of another standby leaves behind when STANDBY streamed from it meanwhile). With
# failover paused and STANDBY's Patroni frozen (it would put primary_conninfo back at once): the other
# standby is promoted, STANDBY streams from it until it follows the new timeline, then STANDBY is
# pointed back at the primary, the promoted one is stopped and failover resumed (Patroni rewinds it).
# STANDBY then logs "highest timeline N of the primary is behind recovery timeline N+1" forever.
patroni_timeline_fork() {
  local b=$1 p a n tl i rtl
  p=$(patroni_primary) || lab_die "timeline-fork: no primary"
  if [ -z "$b" ]; then
    for n in "${LAB_PG_NODES[@]}"; do [ "$n" != "$p" ] && { b=$n; break; }; done
  fi
  lab_require_pg_node "$b"
  [ "$b" != "$p" ] || lab_die "timeline-fork: $b is the primary; name a standby"
  for n in "${LAB_PG_NODES[@]}"; do [ "$n" != "$p" ] && [ "$n" != "$b" ] && a=$n; done
  tl=$(patroni_psql "$p" -Atc "select timeline_id from pg_control_checkpoint()") || lab_die "timeline-fork: $p does not answer"
  patroni_pause true
  lab_signal "patroni-$b" STOP
  patroni_psql "$a" -Atqc "select pg_promote(true, 30)" >/dev/null || lab_die "timeline-fork: could not promote $a"
  # a passfile of its own: a password in primary_conninfo would be logged with the changed setting
  local conn pass; pass="$(patroni_node_dir "$b")/timeline-fork.pgpass"
  (umask 077; printf '%s:5432:*:replicator:%s\n' "$(lab_addr "$a")" "$(cat "$(lab_secret_file pg-replication.password)")" >"$pass")
  chown postgres:postgres "$pass"
  conn="user=replicator passfile=$pass host=$(lab_addr "$a") port=5432 application_name=$b"
  patroni_psql "$b" -Atqc "alter system set primary_conninfo = '$conn'" -c "alter system set primary_slot_name = ''" \
    -c "select pg_reload_conf()" >/dev/null
  rtl=""
  for i in $(seq 60); do
    rtl=$(patroni_psql "$b" -Atc "select received_tli from pg_stat_wal_receiver where status = 'streaming'" 2>/dev/null) || rtl=""
    [ -n "$rtl" ] && [ "$rtl" -gt "$tl" ] && break
    sleep 0.5
  done
  patroni_timeline_fork_undo_conninfo "$b"
  lab_signal "patroni-$b" CONT
  as_postgres "$PG_BIN/pg_ctl" stop -D "$(patroni_pgdata "$a")" -m fast -w -t 30 >/dev/null || true
  patroni_pause false
  [ -n "$rtl" ] && [ "$rtl" -gt "$tl" ] || lab_die "timeline-fork: $b did not follow $a's new timeline (undo: lab heal)"
  echo "$b follows timeline $rtl, which the primary $p (timeline $tl) does not have; $a was promoted and stopped (Patroni rewinds it); undo: lab heal"
}

# primary_conninfo/primary_slot_name set by timeline-fork (postgresql.auto.conf) taken out again
patroni_timeline_fork_undo_conninfo() {
  patroni_psql "$1" -Atqc "alter system reset primary_conninfo" -c "alter system reset primary_slot_name" \
    -c "select pg_reload_conf()" >/dev/null 2>&1
  rm -f "$(patroni_node_dir "$1")/timeline-fork.pgpass"
}

patroni_pause() {  # patroni_pause true|false : failover off / on for the cluster
  local v=null; [ "$1" = true ] && v=true
  local pw n; pw=$(cat "$(lab_secret_file patroni-api.password)")
  for n in "${LAB_PG_NODES[@]}"; do
    curl -sf -m 5 -u "hadeck:$pw" -X PATCH -H 'Content-Type: application/json' -d "{\"pause\": $v}" \
      "$(patroni_api "$n")/config" >/dev/null && return 0
  done
  lab_die "could not set pause=$1 through any Patroni"
}

PATRONI_PENDING_MARK="# lab fault pending-restart"

patroni_api_post() {  # patroni_api_post NODE PATH [JSON] : authenticated POST to NODE's Patroni, prints the answer
  local pw; pw=$(cat "$(lab_secret_file patroni-api.password)")
  curl -sf -m 60 -u "hadeck:$pw" -X POST -H 'Content-Type: application/json' ${3:+-d "$3"} "$(patroni_api "$1")$2"
}

# A pending-restart fault left behind: the setting back as written, reloaded, and restarted.
patroni_heal_pending_restart() {
  local n f
  for n in "${LAB_PG_NODES[@]}"; do
    f=$(patroni_yaml "$n")
    grep -q "$PATRONI_PENDING_MARK" "$f" 2>/dev/null || continue
    sed -i -E "s/^(    shared_buffers:).*/\1 32MB/" "$f"
    patroni_api_post "$n" /reload >/dev/null || true
    sleep 3
    patroni_api_post "$n" /restart '{}' >/dev/null && echo "heal: shared_buffers of $n back to 32MB, restarted" \
      || echo "heal: could not restart $n after putting shared_buffers back" >&2
  done
}

# Bounded pgbench write load on the current primary; creates pgbench tables on first use.
patroni_load() {
  local secs=${1:-10} node
  [[ "$secs" =~ ^[0-9]+$ ]] || lab_die "load: SECONDS must be a whole number"
  node=$(patroni_primary) || lab_die "load: no primary"
  local sock; sock=$(patroni_node_dir "$node")
  if [ "$(patroni_psql "$node" -Atc "select to_regclass('public.pgbench_branches') is not null")" != t ]; then
    as_postgres "$PG_BIN/pgbench" -h "$sock" -p 5432 -U postgres -i -q -s 1 postgres >&2 \
      || lab_die "load: pgbench -i failed on $node"
  fi
  lab_log "pgbench on $node for ${secs}s"
  as_postgres "$PG_BIN/pgbench" -h "$sock" -p 5432 -U postgres -n -c 2 -j 1 -T "$secs" -P 5 postgres \
    || lab_log "pgbench ended early (a failover during load is expected to do that)"
}
