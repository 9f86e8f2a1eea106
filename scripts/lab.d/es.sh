# shellcheck shell=bash
# es part: a real Elasticsearch 7.10.2 cluster `lab-es` (node-1..3 in one JVM, codelibs'
# elasticsearch-cluster-runner) built from scripts/lab-es (a standalone Maven project).
# Each node binds its own address: $LAB_NET.2..4, HTTP 9200, transport 9300.
# HADECK_ES_FALLBACK=1 at `lab up` binds all three to $LAB_NET.1 with HTTP 9201..9203 instead.
# An index `lab` (3 shards, 1 replica, 10 docs) makes one stopped node turn the cluster yellow
# (red needs a primary with no copy left: two nodes stopped, or an index without replicas).
# A stopped node's replicas are reallocated after index.unassigned.node_left.delayed_timeout (1m),
# after which the cluster is green again with 2 nodes.
# Control channel: $LAB_NET.1:9299, one line per connection: `status`, `stop N`, `start N`.

ES_HEAP=${HADECK_ES_HEAP:-384m}

es_project() { echo "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lab-es"; }

es_install() {
  local p; p=$(es_project)
  command -v mvn >/dev/null || lab_apt_install maven
  command -v java >/dev/null || lab_apt_install openjdk-17-jdk-headless
  # build once; rebuild only when the pom or the source changed
  if [ -s "$p/target/lab-es-1.jar" ] && [ -s "$p/target/classpath.txt" ] \
     && [ -z "$(find "$p/pom.xml" "$p/src" -newer "$p/target/lab-es-1.jar" -type f 2>/dev/null)" ]; then
    return 0
  fi
  lab_log "es: building scripts/lab-es"
  mvn -q -B -f "$p/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$p/target/classpath.txt" >&2 \
    || lab_die "es: build of scripts/lab-es failed"
}

es_fallback() { [ "${HADECK_ES_FALLBACK:-0}" = 1 ]; }

es_http_url() {  # NODE -> its HTTP URL (used by scripts/lab for hadeck.yaml)
  local i=${1#node-}
  if es_fallback; then echo "http://$LAB_NET.1:$((9200 + i))"; else echo "http://$LAB_NET.$((i + 1)):9200"; fi
}

es_up() {
  local p; p=$(es_project)
  es_install
  mkdir -p "$LAB_DIR/data/es"
  local mode=""; es_fallback && mode=fallback
  lab_start es java "-Xms$ES_HEAP" "-Xmx$ES_HEAP" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
    -cp "$p/target/lab-es-1.jar:$(cat "$p/target/classpath.txt")" io.hadeck.labes.LabEs "$LAB_NET" "$LAB_DIR/data/es" $mode
}

es_health() { curl -s -m 3 "$(es_http_url "${1:-node-1}")/_cluster/health"; }

es_healthy() {
  local h n
  es_ctl status >/dev/null 2>&1 || return 1   # the control channel opens once the index is green
  for n in node-1 node-2 node-3; do
    h=$(es_health "$n") || continue
    case "$h" in *'"status":"green"'*'"number_of_nodes":3,'*'"active_primary_shards":'[1-9]*) return 0 ;; esac
  done
  return 1
}

es_wait() { lab_wait_until "${1:-120}" "es: lab-es green with 3 nodes" es_healthy; }
es_down() { lab_stop es 30; }

# es_ctl LINE : one command on the runner's control channel; prints the answer, fails on "error"
es_ctl() {
  local ans
  ans=$(exec 3<>"/dev/tcp/$LAB_NET.1/9299" && printf '%s\n' "$1" >&3 && timeout 60 head -n1 <&3) \
    || { echo "lab: es: control channel $LAB_NET.1:9299 not answering (is es up?)" >&2; return 1; }
  echo "$ans"
  case "$ans" in ok*|node-*) return 0 ;; *) return 1 ;; esac
}

es_status() {
  local nodes="" h
  if lab_running es; then nodes=$(es_ctl status 2>/dev/null || true); fi
  h=$(es_health node-1 2>/dev/null | grep -o '"status":"[a-z]*"' || true)
  lab_status_line es "lab-es ${h:-} ${nodes:-} ($(es_http_url node-1) …)"
}

# heal: the runner up and all three nodes in it (a node stopped by es-stop is started again).
es_heal() {
  lab_heal_frozen es
  if ! lab_running es; then es_up; echo "heal: started the Elasticsearch runner"; fi
  lab_wait_until 120 "es: control channel" es_ctl status || return 1
  local st n
  st=$(es_ctl status 2>/dev/null) || return 1
  for n in 1 2 3; do
    case " $st " in *" node-$n down "*) es_ctl "start $n" >/dev/null && echo "heal: started Elasticsearch node-$n" ;; esac
  done
}

es_fault_names() { echo "es-stop NODE|es-start NODE"; }

es_fault() {
  local name=$1 node=${2:-}
  case "$name" in
    es-stop|es-start)
      lab_require_pg_node "$node"
      es_ctl "${name#es-} ${node#node-}" ;;
    *) return 2 ;;
  esac
}
