# shellcheck shell=bash
# Helpers shared by the benchmarks in scripts/bench (sourced). Benchmarks print figures; they are
# not tests: nothing here asserts a goal, it only measures and says what the goal was.
BENCH_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_HOME/../.." && pwd)
LAB_NET=${HADECK_LAB_NET:-127.0.0}
LAB_DIR=${HADECK_LAB_DIR:-$REPO/.lab}
LAB_CFG=$LAB_DIR/hadeck.yaml
export HADECK_LAB_NET=$LAB_NET HADECK_LAB_DIR=$LAB_DIR
JAR=$REPO/console/target/hadeck.jar
# shellcheck source=scripts/jdk.sh
source "$REPO/scripts/jdk.sh"
hadeck_find_jdk || exit 1
# Benchmark mains run on hadeck's JDK with the launcher's warning-silencing flags.
BENCH_JAVA=("$HADECK_JAVA" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Xlog:disable)
# The console's log goes to a file of the bench's own, never into figures or the user's log.
export HADECK_LOG=${HADECK_LOG:-/tmp/hadeck-bench-$$.log}

bench_die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit "${2:-1}"; }
now_ms() { date +%s%3N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# Median of integers given as arguments (the lower middle for an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# a/b with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

lab_addr() {
  case "$1" in node-1) echo "$LAB_NET.2" ;; node-2) echo "$LAB_NET.3" ;; node-3) echo "$LAB_NET.4" ;;
    *) bench_die "unknown node '$1'" ;; esac
}

# A running, healthy lab: its config is written and Patroni reports a leader (cheap: one curl).
require_lab() {
  local n
  [ -f "$LAB_CFG" ] || bench_die "needs a running lab: no $LAB_CFG (start one: HADECK_LAB_NET=$LAB_NET HADECK_LAB_DIR=$LAB_DIR scripts/lab up)"
  for n in node-1 node-2 node-3; do
    if curl -sf -m 2 "http://$(lab_addr "$n"):8008/cluster" | grep -Eq '"role": *"(leader|master|primary)"'; then
      return 0
    fi
  done
  bench_die "needs a running lab: no Patroni leader at $LAB_NET.2-4:8008 (scripts/lab up / scripts/lab wait-healthy)"
}

# The console must be built (scripts/hadeck runs console/target/hadeck.jar).
require_build() {
  [ -f "$JAR" ] && [ -d "$REPO/console/target/lib" ] \
    || bench_die "hadeck is not built: run 'JAVA_HOME=$HADECK_JDK mvn -q -o -B -DskipTests install' in $REPO first"
  [ -x "$REPO/scripts/hadeck" ] || bench_die "scripts/hadeck is missing"
}

# Runs "$@" and prints its wall time in ms; the command's output goes to $BENCH_OUT (default
# /dev/null). A failing command is reported (exit status) but does not stop the benchmark,
# because `hadeck status` exits 1 when the cluster is unhealthy, which is a reading, not an error.
time_ms() {
  local t0 t1 rc=0
  t0=$(now_ms)
  "$@" >"${BENCH_OUT:-/dev/null}" 2>&1 || rc=$?
  t1=$(now_ms)
  echo $((t1 - t0))
  return "$rc"
}

# The launcher rebuilds whenever any source is newer than the jar, and other engineers edit the
# shared tree all the time: timed runs would include Maven builds. So benchmarks run the real
# launcher from a frozen copy: scripts/hadeck plus the built jar and lib/, laid
# out as in the repository (no sources there, so the launcher never sees anything stale). It is
# the last build of the tree, whatever was edited since (a build here takes minutes under load).
# Sets HADECK to that launcher and FROZEN_CP to its classpath; the copy lives under $1 (a directory the caller removes).
freeze_hadeck() {
  local root=$1/frozen
  mkdir -p "$root/scripts" "$root/console/target"
  cp "$REPO/scripts/hadeck" "$root/scripts/hadeck"
  cp -r "$JAR" "$REPO/console/target/lib" "$root/console/target/"
  # scripts/jdk.sh beside it (the launcher sources it). No copy of the AOT cache: it names the
  # jar's path, so the copy would be refused in silence. The frozen launcher's first run (below)
  # trains a cache of its own.
  cp "$REPO/scripts/jdk.sh" "$REPO/scripts/jvm-flags.sh" "$REPO/scripts/build.sh" "$root/scripts/"
  unzip -tq "$root/console/target/hadeck.jar" >/dev/null 2>&1 || bench_die "the built jar is incomplete (a build is running?): try again"
  "$root/scripts/hadeck" --version >/dev/null 2>&1 || bench_die "the frozen hadeck does not start"
  HADECK=$root/scripts/hadeck
  # The same frozen classes for benchmark mains (a build replacing the jar mid-run breaks reads).
  FROZEN_CP="$root/console/target/hadeck.jar:$root/console/target/lib/*"
  FROZEN_ROOT=$root
}

# Benchmark mains live in test sources (they are not part of hadeck): `mvn install -DskipTests`
# compiles them into MODULE/target/test-classes. Freezes that directory beside the frozen launcher and
# prints a classpath with it first, then the frozen jars (FROZEN_CP; call freeze_hadeck first).
bench_classpath() {
  local module=$1 cls=$2 dir=$REPO/$1/target/test-classes
  [ -f "$dir/${cls//.//}.class" ] \
    || bench_die "$cls is not compiled (run 'JAVA_HOME=$HADECK_JDK mvn -q -o -B -DskipTests install' in $REPO)"
  mkdir -p "$FROZEN_ROOT/$module"
  cp -r "$dir" "$FROZEN_ROOT/$module/test-classes"
  echo "$FROZEN_ROOT/$module/test-classes:$FROZEN_CP"
}

bench_header() {
  echo "== $1   (lab $LAB_NET, $(nproc) cores, load average $(loadavg), $(date +%H:%M:%S))"
}
