# shellcheck shell=bash
# Finds the JDK hadeck builds and runs with (sourced by scripts/hadeck, scripts/test, scripts/bench).
# hadeck needs Java 25 (the AOT cache, virtual threads). $JAVA_HOME wins when it is 25 or newer; else
# the newest JDK >= 25 in the system's JVM directory (the machine image has Temurin 25 there next to
# Debian's default JDK 17). Reads each JDK's `release` file: no JVM is started to find one, because
# the launcher runs this on every command.
HADECK_MIN_JAVA=25

# The feature version (17, 25, ...) of the JDK at $1, or nothing when it is not a JDK.
hadeck_jdk_feature() {
  local v
  [ -x "$1/bin/java" ] && [ -r "$1/release" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  echo "$v"
}

# Sets HADECK_JDK (a JDK home >= 25) and HADECK_JAVA (its java); on none, prints one line saying what
# to install and returns 1.
hadeck_find_jdk() {
  local d v best="" bestv=0
  v=$(hadeck_jdk_feature "${JAVA_HOME:-/nonexistent}")
  if [ -n "$v" ] && [ "$v" -ge "$HADECK_MIN_JAVA" ]; then
    best=$JAVA_HOME
  else
    for d in "${HADECK_JVM_DIR:-/usr/lib/jvm}"/*; do
      [ -L "$d" ] && continue
      v=$(hadeck_jdk_feature "$d")
      if [ -n "$v" ] && [ "$v" -ge "$HADECK_MIN_JAVA" ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
    done
  fi
  if [ -z "$best" ]; then
    echo "hadeck: needs a JDK $HADECK_MIN_JAVA or newer (JAVA_HOME=${JAVA_HOME:-unset}; none in ${HADECK_JVM_DIR:-/usr/lib/jvm}): install Temurin 25 (apt: temurin-25-jdk from packages.adoptium.net) or set JAVA_HOME to a JDK >= $HADECK_MIN_JAVA" >&2
    return 1
  fi
  HADECK_JDK=$best
  HADECK_JAVA=$best/bin/java
}

# Maven with that JDK; MAVEN_OPTS silences the sun.misc.Unsafe warning Maven's own Guava prints on 24+.
hadeck_mvn() {
  JAVA_HOME=$HADECK_JDK MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn "$@"
}
