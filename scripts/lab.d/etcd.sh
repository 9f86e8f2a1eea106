# shellcheck shell=bash
# Part `etcd`: three static etcd 3.4 members (Debian etcd-server), one per node address.
#
# HADECK_LAB_ETCD_SECURE=1 (kept by the lab once set: $LAB_DIR/tls/secure) makes it the etcd an
# operator's site runs: clients over https only, with a client certificate (a CA, server and client
# certificates made here by openssl in $LAB_DIR/tls), and etcd's own users (auth enabled): root,
# `patroni` (Patroni's DCS, read-write under its namespace) and `hadeck` (read-write under /; hadeck
# takes its action lock in etcd). Passwords are files in secrets/ and reach etcdctl through its
# environment or stdin, never its command line. The second lab uses it (InitDoctorIT's https case).

ETCD_BIN=/usr/bin/etcd
ETCDCTL_BIN=/usr/bin/etcdctl

etcd_install() { lab_apt_install etcd-server etcd-client; }

etcd_secure() { [ "${HADECK_LAB_ETCD_SECURE:-0}" = 1 ] || [ -f "$LAB_DIR/tls/secure" ]; }
etcd_scheme() { if etcd_secure; then echo https; else echo http; fi; }
etcd_tls() { echo "$LAB_DIR/tls"; }

etcd_endpoints() {  # comma-separated client URLs
  local n out=()
  for n in "${LAB_PG_NODES[@]}"; do out+=("$(etcd_scheme)://$(lab_addr "$n"):2379"); done
  (IFS=,; echo "${out[*]}")
}

# etcdctl against the lab; in a secure lab as root, with the hadeck client certificate.
etcdctl_lab() { etcdctl_at "$(etcd_endpoints)" "$@"; }
etcdctl_at() {
  local endpoints=$1; shift
  if etcd_secure; then
    local t user=(); t=$(etcd_tls)
    # As root once auth is on. ETCDCTL_USER is etcdctl's --user, read from the environment: no
    # password in a process list.
    [ ! -f "$(etcd_auth_marker)" ] || user=(ETCDCTL_USER="root:$(cat "$(lab_secret_file etcd-root.password)")")
    env ETCDCTL_API=3 "${user[@]}" "$ETCDCTL_BIN" \
      --endpoints="$endpoints" --cacert "$t/ca.pem" --cert "$t/hadeck.pem" --key "$t/hadeck.key" \
      --dial-timeout=1s --command-timeout=2s "$@"
  else
    ETCDCTL_API=3 "$ETCDCTL_BIN" --endpoints="$endpoints" --dial-timeout=1s --command-timeout=2s "$@"
  fi
}

# The secure lab's CA, the members' server certificate (every node address in its SAN) and two client
# certificates: hadeck's (owner root) and Patroni's (owner postgres, which Patroni runs as). Made once.
etcd_tls_make() {
  local t n san="" user
  t=$(etcd_tls)
  mkdir -p "$t"; chmod 0755 "$t"
  : >"$t/secure"
  [ -s "$t/ca.pem" ] && return 0
  for n in "${LAB_PG_NODES[@]}"; do san+="${san:+,}IP:$(lab_addr "$n")"; done
  (umask 077
   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
     -subj "/CN=hadeck lab etcd CA $LAB_NET" -keyout "$t/ca.key" -out "$t/ca.pem" 2>/dev/null
   etcd_tls_sign server "$san" serverAuth,clientAuth
   for user in hadeck patroni; do etcd_tls_sign "$user" "" clientAuth; done) \
    || lab_die "etcd: openssl could not make the lab's certificates"
  chmod 0644 "$t/ca.pem" "$t"/*.pem
  chown postgres:postgres "$t/patroni.key"
}

etcd_tls_sign() {  # NAME SAN EKU: $t/NAME.pem and NAME.key, signed by the lab's CA
  local name=$1 san=$2 eku=$3 ext
  ext=$(mktemp)
  { echo "extendedKeyUsage=$eku"; [ -z "$san" ] || echo "subjectAltName=$san"; } >"$ext"
  # No CN: etcd refuses a client certificate with a CN on its JSON gateway when auth is on ("CommonName
  # of client sending a request against gateway will be ignored"), and Patroni and hadeck use the gateway.
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/O=hadeck lab/OU=$name" \
    -keyout "$t/$name.key" -out "$t/$name.csr" 2>/dev/null \
    && openssl x509 -req -in "$t/$name.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" -CAcreateserial \
      -days 3650 -extfile "$ext" -out "$t/$name.pem" 2>/dev/null
  local rc=$?; rm -f "$ext" "$t/$name.csr"; return "$rc"
}

# Users and roles, then auth on (once per data directory: `down --wipe` starts over).
etcd_auth_marker() { echo "$LAB_DIR/data/etcd/auth-enabled"; }
etcd_auth_enable() {
  local done_file u
  done_file=$(etcd_auth_marker)
  [ -f "$done_file" ] && return 0
  for u in etcd-root etcd-patroni etcd-hadeck; do lab_secret_ensure "$u.password"; done
  chown postgres:postgres "$(lab_secret_file etcd-patroni.password)"
  # Before auth is on, etcdctl needs no user; each password goes in on stdin (--interactive=false).
  local plain=(etcdctl_lab --command-timeout=5s)
  for u in root patroni hadeck; do
    "${plain[@]}" user get "$u" >/dev/null 2>&1 \
      || "${plain[@]}" user add "$u" --interactive=false <"$(lab_secret_file "etcd-$u.password")" >/dev/null \
      || lab_die "etcd: could not add user $u"
  done
  # Re-run after a half-done attempt: an existing role or grant is no error.
  for u in root patroni hadeck; do "${plain[@]}" role add "$u" >/dev/null 2>&1 || true; done
  "${plain[@]}" role grant-permission patroni --prefix=true readwrite "${PATRONI_NS:-/service/}" >/dev/null \
    || lab_die "etcd: could not grant role patroni"
  "${plain[@]}" role grant-permission hadeck --prefix=true readwrite / >/dev/null || lab_die "etcd: could not grant role hadeck"
  for u in root patroni hadeck; do "${plain[@]}" user grant-role "$u" "$u" >/dev/null 2>&1 || true; done
  "${plain[@]}" auth enable >/dev/null || lab_die "etcd: auth enable failed"
  : >"$done_file"
}

etcd_start_member() {
  local node=$1 ip cluster="" n tls=() scheme
  ip=$(lab_addr "$node")
  scheme=$(etcd_scheme)
  for n in "${LAB_PG_NODES[@]}"; do cluster+="${cluster:+,}$n=http://$(lab_addr "$n"):2380"; done
  if etcd_secure; then
    etcd_tls_make
    tls=(--cert-file "$(etcd_tls)/server.pem" --key-file "$(etcd_tls)/server.key"
         --trusted-ca-file "$(etcd_tls)/ca.pem" --client-cert-auth)
  fi
  mkdir -p "$LAB_DIR/data/etcd"
  lab_start "etcd-$node" "$ETCD_BIN" --name "$node" \
    --data-dir "$LAB_DIR/data/etcd/$node" "${tls[@]}" \
    --listen-client-urls "$scheme://$ip:2379" --advertise-client-urls "$scheme://$ip:2379" \
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

etcd_wait() {
  lab_wait_until "${1:-30}" "etcd: 3 healthy members" etcd_healthy || return 1
  if etcd_secure; then etcd_auth_enable; fi
}

etcd_down() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do lab_stop "etcd-$n" 5 & done
  wait
}

etcd_status() {
  local n
  for n in "${LAB_PG_NODES[@]}"; do lab_status_line "etcd-$n" "$(etcd_scheme)://$(lab_addr "$n"):2379"; done
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
        etcdctl_at "$(etcd_scheme)://$(lab_addr "$node"):2379" endpoint health \
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
