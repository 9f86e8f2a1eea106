# shellcheck shell=bash
# Builds hadeck when its jar is older than its sources (sourced by scripts/hadeck and scripts/package,
# after scripts/jdk.sh). $1 is the checkout; further arguments name more source directories to
# watch (scripts/package also needs console's test sources, where ShellDocs lives).
# Prints one line while it builds; on failure, where the log is, and returns 1.
hadeck_build_if_stale() {
    local repo=$1; shift
    local jar="$repo/console/target/hadeck.jar" newer="" log
    if [[ -f "$jar" ]]; then
        newer="$(find "$repo/probes/src/main" "$repo/actions/src/main" "$repo/console/src/main" "$repo/themes" \
            "$repo/pom.xml" "$repo/probes/pom.xml" "$repo/actions/pom.xml" "$repo/console/pom.xml" "$@" \
            -newer "$jar" -type f -print -quit 2>/dev/null || true)"
        [[ -n "$newer" ]] || return 0
    fi
    echo "hadeck: building (once; sources changed or no jar yet)..." >&2
    log="$(mktemp "${TMPDIR:-/tmp}/hadeck-build.XXXXXX")"
    if ! (cd "$repo" && { hadeck_mvn -q -o -B -DskipTests install >"$log" 2>&1 || hadeck_mvn -q -B -DskipTests install >>"$log" 2>&1; }); then
        echo "hadeck: build failed; see $log" >&2
        return 1
    fi
    rm -f "$log"
}
