# shellcheck shell=bash
# sshd part: one Debian openssh-server (`/usr/sbin/sshd -D`) listening on $LAB_NET.1..6 port 2222
# with a lab-only host key and client key in $LAB_DIR/ssh (made on first up).
#   postgres  may log in on node-1..3 ($LAB_NET.2..4) - node-level actions.
#   hadecklab logs in on drbd-a/drbd-b ($LAB_NET.5/.6) where a ForceCommand runs the DRBD
#             simulator as that node (scripts/drbd-sim/drbd-sim; it reads $SSH_ORIGINAL_COMMAND).
# Only ssh/lab_key is authorized; passwords are off.  Logs (sshd -e) go to log/sshd.log.

SSHD_PORT=2222
SSHD_USER_DRBD=hadecklab

sshd_install() {
  lab_apt_install openssh-server openssh-client
  if ! id "$SSHD_USER_DRBD" >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || lab_die "sshd: user $SSHD_USER_DRBD missing and not root to create it"
    # '*' = no password but not locked (sshd refuses public-key logins of locked accounts)
    useradd -m -s /bin/sh -p '*' -c "hadeck lab DRBD login" "$SSHD_USER_DRBD" >&2
  fi
  sshd_unlock postgres
}

# Debian creates `postgres` with password field '!' (locked); sshd (UsePAM no) refuses any login,
# even by key, to a locked account.  '*' keeps password logins impossible but allows keys.
sshd_unlock() {
  id "$1" >/dev/null 2>&1 || return 0
  [ "$(id -u)" -eq 0 ] || return 0
  if [ "$(getent shadow "$1" | cut -d: -f2)" = "!" ]; then usermod -p '*' "$1"; fi
}

sshd_config_write() {
  local d="$LAB_DIR/ssh" sim repo n
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  sim="/usr/bin/python3 $repo/scripts/drbd-sim/drbd-sim --state-dir $LAB_DIR/drbd"
  mkdir -p "$d/authorized_keys" "$LAB_DIR/run" "$LAB_DIR/drbd"
  chmod 0755 "$d" "$d/authorized_keys"
  # the login users must be able to reach their authorized_keys and the simulator's state
  chmod o+x "$LAB_DIR"
  [ -s "$d/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C "hadeck-lab-host" -f "$d/ssh_host_ed25519_key"
  [ -s "$d/lab_key" ] || ssh-keygen -q -t ed25519 -N '' -C "hadeck-lab-client" -f "$d/lab_key"
  chmod 0600 "$d/ssh_host_ed25519_key" "$d/lab_key"
  for n in postgres "$SSHD_USER_DRBD"; do
    install -m 0644 "$d/lab_key.pub" "$d/authorized_keys/$n"
  done
  local hostkey; hostkey=$(cut -d' ' -f1,2 "$d/ssh_host_ed25519_key.pub")
  : >"$d/known_hosts.tmp"
  for n in 1 2 3 4 5 6; do echo "[$LAB_NET.$n]:$SSHD_PORT $hostkey" >>"$d/known_hosts.tmp"; done
  mv "$d/known_hosts.tmp" "$d/known_hosts"; chmod 0644 "$d/known_hosts"
  if id "$SSHD_USER_DRBD" >/dev/null 2>&1; then chown -R "$SSHD_USER_DRBD" "$LAB_DIR/drbd"; fi
  cat >"$d/sshd_config.tmp" <<CFG
# Written by scripts/lab.d/sshd.sh - lab only.
Port $SSHD_PORT
$(for n in 1 2 3 4 5 6; do echo "ListenAddress $LAB_NET.$n"; done)
HostKey $d/ssh_host_ed25519_key
PidFile $LAB_DIR/run/sshd.daemon.pid
AuthorizedKeysFile $d/authorized_keys/%u
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
UsePAM no
AllowUsers postgres $SSHD_USER_DRBD
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTunnel no
PermitUserEnvironment no
MaxStartups 50:30:100
LogLevel INFO

# drbd-a / drbd-b: whoever logs in gets the simulated node, nothing else
Match LocalAddress $LAB_NET.5
    ForceCommand $sim --node drbd-a
Match LocalAddress $LAB_NET.6
    ForceCommand $sim --node drbd-b
# hadecklab is for the DRBD hosts only
Match User $SSHD_USER_DRBD LocalAddress $LAB_NET.1,$LAB_NET.2,$LAB_NET.3,$LAB_NET.4
    ForceCommand echo "hadecklab may log in on drbd-a/drbd-b only" >&2; exit 1
# node-1..3: the lab's emulated chef-backend-ctl (scripts/lab.d/chef.sh) first on PATH
Match User postgres LocalAddress $LAB_NET.2,$LAB_NET.3,$LAB_NET.4
    SetEnv PATH=$LAB_DIR/chef/bin:/usr/local/bin:/usr/bin:/bin
# postgres is for node-1..3 only
Match User postgres LocalAddress $LAB_NET.1
    ForceCommand echo "postgres may log in on node-1..3 only" >&2; exit 1
CFG
  mv "$d/sshd_config.tmp" "$d/sshd_config"
}

sshd_up() {
  sshd_install
  sshd_config_write
  mkdir -p /run/sshd && chmod 0755 /run/sshd   # privilege-separation directory
  /usr/sbin/sshd -t -f "$LAB_DIR/ssh/sshd_config" || lab_die "sshd: config test failed ($LAB_DIR/ssh/sshd_config)"
  # a running sshd reads a changed config on SIGHUP (its own pid only: sessions stay)
  local pid; if pid=$(lab_pid sshd); then kill -HUP "$pid" 2>/dev/null || true; fi
  lab_start sshd /usr/sbin/sshd -D -e -f "$LAB_DIR/ssh/sshd_config"
}

# ssh into the lab as USER at ADDRESS (the same options hadeck uses)
sshd_ssh() {
  local user=$1 addr=$2; shift 2
  ssh -o BatchMode=yes -o UserKnownHostsFile="$LAB_DIR/ssh/known_hosts" -o StrictHostKeyChecking=yes \
      -o ConnectTimeout=3 -o LogLevel=ERROR -i "$LAB_DIR/ssh/lab_key" -p "$SSHD_PORT" "$user@$addr" "$@"
}

sshd_healthy() {
  lab_running sshd || return 1
  sshd_ssh "$SSHD_USER_DRBD" "$LAB_NET.5" hostname | grep -qx drbd-a || return 1
  sshd_ssh "$SSHD_USER_DRBD" "$LAB_NET.6" hostname | grep -qx drbd-b || return 1
  if id postgres >/dev/null 2>&1; then sshd_ssh postgres "$LAB_NET.2" true || return 1; fi
}

sshd_wait() { lab_wait_until "${1:-20}" "sshd: logins on $LAB_NET.2/.5/.6:$SSHD_PORT" sshd_healthy; }
sshd_down() { lab_stop sshd 5; }
sshd_status() { lab_status_line sshd "$LAB_NET.1-6:$SSHD_PORT"; }
sshd_heal() {
  lab_heal_frozen sshd
  if ! lab_running sshd; then sshd_up; echo "heal: started sshd"; fi
}
sshd_fault() { return 2; }
