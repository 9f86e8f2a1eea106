# shellcheck shell=bash
# Part `etcd`: three static etcd 3.4 members (Debian etcd-server), one per node address.

ETCD_BIN=/usr/bin/etcd
ETCDCTL_BIN=/usr/bin/etcdctl

etcd_install() { lab_apt_install etcd-server etcd-client; }

etcd_endpoints() {  # comma-separated client URLs
  local n out=()
  for n in "${LAB_PG_NODES[@]}"; do out+=("http://$(lab_addr "$n"):2379"); done
  (IFS=,; echo "${out[*]}")
}

etcdctl_lab() { ETCDCTL_API=3 "$ETCDCTL_BIN" --endpoints="$(etcd_endpoints)" --dial-timeout=1s --command-timeout=2s "$@"; }

etcd_start_member() {
  local node=$1 ip cluster="" n
  ip=$(lab_addr "$node")
  for n in "${LAB_PG_NODES[@]}"; do cluster+="${cluster:+,}$n=http://$(lab_addr "$n"):2380"; done
  mkdir -p "$LAB_DIR/data/etcd"
  lab_start "etcd-$node" "$ETCD_BIN" --name "$node" \
    --data-dir "$LAB_DIR/data/etcd/$node" \
    --listen-client-urls "http://$ip:2379" --advertise-client-urls "http://$ip:2379" \
    --listen-peer-urls "http://$ip:2380" --initial-advertise-peer-urls "http://$ip:2380" \
    --initial-cluster "$cluster" --initial-cluster-state new \
    --initial-cluster-token "hadeck-lab-$LAB_NET" \
    --heartbeat-interval 100 --election-timeout 1000 \
    --logger zap --log-outputs stderr
}

etcd_up() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do etcd_start_member "$n"; done
}

etcd_healthy() {
  local out
  out=$(etcdctl_lab endpoint health 2>&1) || return 1
  [ "$(grep -c 'is healthy' <<<"$out")" -eq 3 ]
}

etcd_wait() { lab_wait_until "${1:-30}" "etcd: 3 healthy members" etcd_healthy; }

etcd_down() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do lab_stop "etcd-$n" 5 & done
  wait
}

etcd_status() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do lab_status_line "etcd-$n" "http://$(lab_addr "$n"):2379"; done
}

# heal: every member running (a stopped one started, a frozen one continued).
etcd_heal() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do
    lab_heal_frozen "etcd-$n"
    if ! lab_running "etcd-$n"; then etcd_start_member "$n"; echo "heal: started etcd member $n"; fi
  done
  etcd_wait 30
}

etcd_fault_names() { echo "etcd-stop NODE|etcd-start NODE|etcd-quorum-loss|etcd-quorum-restore"; }

etcd_fault() {
  local name=$1 node=${2:-} n
  case "$name" in
    etcd-stop)
      lab_require_pg_node "$node"
      lab_stop "etcd-$node" 5; echo "etcd member $node stopped" ;;
    etcd-start)
      lab_require_pg_node "$node"
      etcd_start_member "$node"
      lab_wait_until 20 "etcd: member $node healthy" \
        env ETCDCTL_API=3 "$ETCDCTL_BIN" --endpoints="http://$(lab_addr "$node"):2379" endpoint health \
        || lab_die "etcd member $node did not become healthy"
      echo "etcd member $node started" ;;
    etcd-quorum-loss)
      lab_stop etcd-node-2 5 & lab_stop etcd-node-3 5 & wait
      echo "etcd members node-2 and node-3 stopped: no quorum" ;;
    etcd-quorum-restore)
      for n in "${LAB_PG_NODES[@]}"; do etcd_start_member "$n"; done
      etcd_wait 30 || lab_die "etcd did not regain 3 healthy members"
      echo "etcd: 3 members running" ;;
    *) return 2 ;;
  esac
}
