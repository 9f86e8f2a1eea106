# shellcheck shell=bash
# drbd part: a simulated DRBD pair (resource pc0) behind the lab's real sshd: drbd-a ($LAB_NET.5)
# and drbd-b ($LAB_NET.6).  The kernel side is scripts/drbd-sim/drbd-sim (Debian python3, stdlib);
# its shared pair state is $LAB_DIR/drbd/state.json; it runs no process of its own (time is
# computed from the wall clock whenever a node is asked).  The simulated kernel log of a node is
# served over ssh as `dmesg` (file drbd/kern-<node>.log).
# Options at `lab up` (only when the pair state is first created): HADECK_DRBD_FORMAT=8.4|9,
# HADECK_DRBD_SYNC_KIBS (resync speed, default 1024), HADECK_DRBD_WRITE_KIBS (writes of an
# unconnected Primary, default 512), HADECK_DRBD_SIZE_KIB (device size = a full sync, 32768).

drbd_sim() {
  local repo; repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  /usr/bin/python3 "$repo/scripts/drbd-sim/drbd-sim" --state-dir "$LAB_DIR/drbd" "$@"
}

drbd_install() { [ -x /usr/bin/python3 ] || lab_apt_install python3; }

drbd_up() {
  mkdir -p "$LAB_DIR/drbd"
  if id hadecklab >/dev/null 2>&1; then chown -R hadecklab "$LAB_DIR/drbd"; fi
  drbd_sim lab init
}

drbd_healthy() { drbd_sim lab check; }
drbd_wait() { lab_wait_until "${1:-30}" "drbd: pc0 Connected UpToDate/UpToDate on both nodes" drbd_healthy; }
drbd_down() { :; }   # no process; the pair state stays in $LAB_DIR/drbd (down --wipe keeps it too)
drbd_status() {
  local l
  drbd_sim lab show 2>&1 | while IFS= read -r l; do printf '%-22s %s\n' "drbd-sim" "$l"; done
}

# heal: a pair that is resyncing is left to finish (up to 40 s); any other unhealthy pair (a
# scenario, a split-brain, a node "down") is reset to drbd-a Primary / drbd-b Secondary, Connected.
drbd_heal() {
  drbd_sim lab answer | sed 's/^/heal: /'      # a node silenced by pair-node-off/-cut
  drbd_healthy && return 0
  if drbd_sim lab show 2>/dev/null | grep -q 'cs:Sync'; then
    lab_wait_until 40 "drbd: resync finished" drbd_healthy && return 0
  fi
  local was; was=$(drbd_sim lab show 2>&1 | tr '\n' ' ')
  drbd_sim lab reset && echo "heal: reset the DRBD pair (was: ${was% })"
}

drbd_fault_names() {
  echo "drbd-scenario-1|drbd-scenario-2|drbd-scenario-3|drbd-scenario-4|drbd-scenario-5|drbd-split-brain|drbd-write NODE [KIB]|drbd-reset|drbd-format 8.4_or_9|drbd-resources pc0 [RES…]|drbd-role NODE RES primary_or_secondary"
}

# the pair's resources as its nodes' drbdadm lists them: "pc0 pc1"
drbd_resources() { drbd_sim --node drbd-a -- drbdadm sh-resources 2>/dev/null || echo pc0; }

# Faults (the scenario numbers are the Chef server DRBD HA document's):
#   drbd-scenario-1   BE2 (drbd-b, Secondary) fails gracefully, all data synced: drbd-b down
#                     (cs:Unconfigured); drbd-a Primary/Unknown WFConnection UpToDate/DUnknown, oos grows
#   drbd-scenario-2   BE2 hard fails badly (unsynced data): drbd-b down and Inconsistent on disk;
#                     drbd-a Primary WFConnection with a large oos
#   drbd-scenario-3   BE1 (drbd-a, Primary) fails gracefully, all synced: drbd-a down; drbd-b
#                     Secondary/Unknown WFConnection UpToDate/DUnknown oos:0 (safe to promote)
#   drbd-scenario-4   BE1 hard fails badly (unsynced): drbd-a down; drbd-b Secondary/Unknown
#                     WFConnection Inconsistent/DUnknown, oos>0 (promote needs --force, loses data)
#   drbd-scenario-5   both hosts up as Secondary: both StandAlone Secondary/Unknown UpToDate/DUnknown,
#                     each with writes of its own (drbd-a oos 2048 < drbd-b oos 8192)
#   drbd-split-brain  both Primary and StandAlone, each with writes of its own; both kernel logs say
#                     "Split-Brain detected, dropping connection!"
#   drbd-write NODE [KIB]  the application writes 4 MiB (or KIB) on NODE (must be Primary)
#   drbd-reset        back to healthy: drbd-a Primary, drbd-b Secondary, Connected UpToDate/UpToDate
#                     (with the keepalived pair, the pair too when its VIP was not on drbd-a)
#   drbd-format 8.4|9 output format of both nodes (9: /proc/drbd has only the version lines;
#                     state via `drbdadm status`)
#   drbd-resources pc0 [RES…]  the pair's resources (a new one starts as pc0 is now, one not named is
#                     removed; hadeck.yaml is rewritten to list them); every control above acts on
#                     each resource alike. HADECK_DRBD_RESOURCES sets them when the pair is created
#   drbd-role NODE RES primary|secondary  an operator's `drbdadm primary|secondary RES` on NODE by hand
#                     (a node Primary on one resource and Secondary on another)
# A "failed" host is modelled as rebooted with DRBD not started (cs:Unconfigured; `drbdadm up pc0`
# brings it back), so that its recovery can be exercised over ssh.
drbd_fault() {
  local name=$1 arg=${2:-}
  case "$name" in
    drbd-scenario-[1-5]) drbd_sim lab scenario "${name#drbd-scenario-}" ;;
    drbd-split-brain) drbd_sim lab split-brain ;;
    drbd-write)
      case "$arg" in drbd-a|drbd-b) ;; "") lab_die "drbd-write needs a NODE (drbd-a or drbd-b)" ;;
        *) lab_die "unknown node '$arg' (expected drbd-a or drbd-b)" ;; esac
      drbd_sim lab write "$arg" ${3:+"$3"} ;;
    drbd-reset)
      drbd_sim lab reset
      # With the keepalived pair, DRBD's roles follow the VIP: when they no longer do (the VIP was on
      # drbd-b), the pair is reset too, so that drbd-a owns all of it.
      if has_part pair && ! pair_healthy; then pair_reset; pair_wait 30 || true; echo "reset the keepalived pair too: drbd-a the owner"; fi ;;
    drbd-format)
      case "$arg" in 8.4|9) ;; *) lab_die "drbd-format needs 8.4 or 9" ;; esac
      drbd_sim lab format "$arg" ;;
    drbd-resources)
      shift; drbd_sim lab resources "$@"
      if has_fn cmd_write_config && [ -f "$LAB_DIR/hadeck.yaml" ]; then cmd_write_config; fi ;;
    drbd-role)
      case "$arg" in drbd-a|drbd-b) ;; *) lab_die "drbd-role needs a NODE (drbd-a or drbd-b), a resource and primary|secondary" ;; esac
      drbd_sim lab role "$arg" "${3:-}" "${4:-}" ;;
    *) return 2 ;;
  esac
}
