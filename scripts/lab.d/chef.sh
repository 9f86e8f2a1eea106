# shellcheck shell=bash
# Part `chef`: Chef Backend over the lab's nodes. chef-backend-ctl cannot be installed here, so
# scripts/chef-backend-ctl-emulator stands in for it (its header holds every assumption about the
# real tool, each with its seed line) and acts on the lab's real Patroni, etcd and PostgreSQL.
# The lab's sshd puts $LAB_DIR/chef/bin first on PATH for `postgres` on node-1..3 (sshd.sh), so
# hadeck's ssh path to `chef-backend-ctl` is the real one. Also there: `date` (the node's clock,
# with an emulated offset) and `ip` (shows the backend VIP on the node leaderl gave it to).
# State: $LAB_DIR/chef/ (emulator.json, state.json, package-version: the package "copied" to the nodes,
# nodes/NODE/version-manifest.json: what each node runs), owned by postgres.

CHEF_EMULATOR="$LAB_REPO/scripts/chef-backend-ctl-emulator"
chef_dir() { echo "$LAB_DIR/chef"; }
chef_vip() { echo "$LAB_NET.10"; }

# iptables: the lab's blocked-port fault (a REJECT rule for one node's port)
chef_install() { lab_apt_install iptables; }

chef_up() {
  local d n sep="" nodes=""; d=$(chef_dir)
  mkdir -p "$d/bin"
  for n in "${LAB_PG_NODES[@]}"; do
    nodes+="$sep\"$n\": {\"ip\": \"$(lab_addr "$n")\", \"es\": \"$(lab_es_url "$n")\"}"; sep=", "
  done
  cat >"$d/emulator.json" <<JSON
{"nodes": {$nodes}, "vip": "$(chef_vip)",
 "patroniYaml": "$LAB_DIR/data/patroni/{node}.yml", "pgdata": "$LAB_DIR/data/patroni/{node}/pgdata",
 "patroniPasswordFile": "$(lab_secret_file patroni-api.password)",
 "manifest": "$d/nodes/{node}/version-manifest.json"}
JSON
  [ -s "$d/package-version" ] || echo "2.3.16" >"$d/package-version"
  [ -s "$d/state.json" ] || echo '{}' >"$d/state.json"
  local tool
  for tool in chef-backend-ctl date ip; do
    local verb=$tool; [ "$tool" = chef-backend-ctl ] && verb=""
    printf '#!/bin/sh\n# lab: the emulated %s (scripts/lab.d/chef.sh)\nexec /usr/bin/python3 %s --lab-dir %s %s "$@"\n' \
      "$tool" "$CHEF_EMULATOR" "$LAB_DIR" "$verb" >"$d/bin/$tool"
    chmod 0755 "$d/bin/$tool"
  done
  chown -R postgres:postgres "$d"
  chef_emulator lab manifests >/dev/null
  for n in "${LAB_PG_NODES[@]}"; do
    lab_start "leaderl-$n" setpriv --reuid=postgres --regid=postgres --init-groups \
      /usr/bin/python3 "$CHEF_EMULATOR" --lab-dir "$LAB_DIR" --node "$n" leaderl-health
  done
}

# as postgres, so files it writes (the nodes' Patroni YAML) stay Patroni's
chef_emulator() {
  (cd / && setpriv --reuid=postgres --regid=postgres --init-groups \
     /usr/bin/python3 "$CHEF_EMULATOR" --lab-dir "$LAB_DIR" "$@")
}

chef_healthy() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do curl -s -o /dev/null -m 2 "http://$(lab_addr "$n"):7331/leader" || return 1; done
  chef_emulator --node node-1 cluster-status --json >/dev/null
}
chef_wait() { lab_wait_until "${1:-30}" "chef: chef-backend-ctl cluster-status on node-1" chef_healthy; }
chef_down() {
  local n
  chef_unblock_ports
  for n in "${LAB_PG_NODES[@]}"; do lab_stop "leaderl-$n" 5; done
}
chef_status() {
  local n
  printf '%-22s %-8s %s\n' chef-backend-ctl emulated "$(chef_dir)/bin on node-1..3 (sshd, user postgres)"
  for n in "${LAB_PG_NODES[@]}"; do lab_status_line "leaderl-$n" "$(lab_addr "$n"):7331 (emulated health endpoint)"; done
}

# The blocked-port fault: a REJECT rule for NODE's address and PORT, tagged with this lab's net so
# only this lab's rules are ever removed.
chef_rule_tag() { echo "hadeck-lab-$LAB_NET"; }
chef_block_port() {
  iptables -I OUTPUT -d "$(lab_addr "$1")" -p tcp --dport "$2" -m comment --comment "$(chef_rule_tag)" \
    -j REJECT --reject-with tcp-reset
}
chef_unblock_ports() {
  command -v iptables >/dev/null || return 0
  local nums n; nums=$(iptables -L OUTPUT -n --line-numbers 2>/dev/null | grep -F "/* $(chef_rule_tag) */" \
    | awk '{print $1}' | sort -rn)
  [ -n "$nums" ] || return 1
  for n in $nums; do iptables -D OUTPUT "$n"; done
}

# Undo the emulator's faults (clock offsets, a misplaced VIP) and any node left out of failover.
chef_heal() {
  local s n
  chef_unblock_ports && echo "heal: chef: ports unblocked"
  for n in "${LAB_PG_NODES[@]}"; do
    if ! lab_running "leaderl-$n"; then chef_up >/dev/null; echo "heal: chef: started leaderl-$n"; fi
  done
  s=$(chef_emulator lab state 2>/dev/null) || return 0
  case "$s" in *'"clock"'*|*'"vip"'*) chef_emulator lab reset >/dev/null; echo "heal: chef: clocks and VIP back to normal" ;; esac
  for n in "${LAB_PG_NODES[@]}"; do
    if grep -qE '^[[:space:]]+nofailover:[[:space:]]*true' "$LAB_DIR/data/patroni/$n.yml" 2>/dev/null; then
      chef_emulator --node "$n" set-node-failover on >/dev/null 2>&1 && echo "heal: chef: failover on again for $n"
    fi
  done
}

chef_fault_names() { echo "chef-clock-skew NODE [SECONDS]|chef-vip-misplace NODE|chef-port-block NODE [PORT]|chef-reset|chef-package VERSION"; }
chef_fault() {
  case "$1" in
    chef-clock-skew)
      lab_require_pg_node "${2:-}"
      chef_emulator lab clock "$2" "${3:-3}" >/dev/null
      echo "clock of $2 is ${3:-3} s off (emulated); undo: lab fault chef-reset" ;;
    chef-vip-misplace)
      lab_require_pg_node "${2:-}"
      chef_emulator lab vip "$2" >/dev/null
      echo "the backend VIP $(chef_vip) is held by $2 whoever leads (emulated); undo: lab fault chef-reset" ;;
    chef-port-block)
      lab_require_pg_node "${2:-}"
      chef_block_port "$2" "${3:-7331}"
      echo "TCP ${3:-7331} on $2 rejects every connection (iptables); undo: lab fault chef-reset" ;;
    chef-package)
      [[ "${2:-}" =~ ^[0-9A-Za-z.+~-]{1,40}$ ]] || lab_die "chef-package VERSION: a package version such as 2.3.17"
      chef_emulator lab package "$2" >/dev/null
      echo "chef-backend $2 is copied to every backend node (emulated; seed 004's prerequisite): hadeck rolling-upgrade installs it" ;;
    chef-reset) chef_unblock_ports || true; chef_emulator lab reset >/dev/null; echo "chef: ports, clocks and VIP back to normal" ;;
    *) return 2 ;;
  esac
}

# The second cluster of the lab's hadeck.yaml: the same three nodes, driven as Chef Backend
# (chef-backend-ctl over ssh) instead of through Patroni's API. Appended by scripts/lab.
chef_config() {
  local n ip
  cat <<YAML
  - name: chef
    manager: chef-backend
    readOnly: false
    insecure: true
    etcd:
      endpoints: [http://$LAB_NET.2:2379, http://$LAB_NET.3:2379, http://$LAB_NET.4:2379]
    postgres:
      database: postgres
      user: hadeck_monitor
      password: {file: $LAB_DIR/secrets/pg-monitor.password}
      sslmode: disable
    elasticsearch:
      {}
    chefBackend: {ctl: chef-backend-ctl, vip: $(chef_vip), manifest: "$(chef_dir)/nodes/{node}/version-manifest.json"}
    ssh:
      user: postgres
      port: 2222
      identity: $LAB_DIR/ssh/lab_key
      knownHosts: $LAB_DIR/ssh/known_hosts
      connectTimeout: 3s
    # a read is two ssh logins + chef-backend-ctl asking Patroni and Elasticsearch: seconds each on a
    # loaded lab (10 s timed out at load 20 on 2 cores, 2026-12-01)
    timeouts:
      connect: 3s
      read: 20s
    nodes:
YAML
  for n in "${LAB_PG_NODES[@]}"; do
    ip=$(lab_addr "$n")
    cat <<YAML
      - name: $n
        host: $ip
        etcd: http://$ip:2379
        postgres: $ip:5432
        elasticsearch: $(lab_es_url "$n")
YAML
  done
}
