# The pair's own layer on a simulated DRBD node: what an operator reads on a legacy keepalived
# pair besides DRBD, answered from real things wherever they exist.
#
#   ip -j addr [show]                            the node's real addresses: `ip` run inside the node's
#                                                network namespace (through the lab's nsenter copy)
#   ps -o pid,stat,etimes,args -C keepalived     real `ps` of this node's keepalived processes
#   systemctl is-active UNIT…                    keepalived and the pair's services (real processes)
#   systemctl start|stop keepalived              asks the node's init (a root process of the lab)
#   cat /run/keepalived/VI_1.notify              the record the notify script keeps (state, steps)
#   findmnt -J MOUNTPOINT | -J -S DEVICE         the DRBD device's mount (state kept by the simulator)
#   cat NODE/keepalived.conf                     the file this node's keepalived runs with (-f)
#   mount DEVICE MOUNTPOINT / umount MOUNTPOINT  root only (the notify script): Primary required
#
# The lab writes PAIR/pair.json (PAIR = the state directory's sibling `pair`) when it starts the
# pair part; without it these commands do not exist (exit 127 like any unknown command).
import json
import os
import subprocess
import time

NOTIFY_PATH = "/run/keepalived/VI_1.notify"
PS_ARGS = ["ps", "-o", "pid,stat,etimes,args", "-C", "keepalived"]


class PairFail(Exception):
    def __init__(self, msg, code=1, out=""):
        super().__init__(msg)
        self.msg = msg
        self.code = code
        self.out = out


def config(store):
    p = os.path.join(os.path.dirname(store.dir), "pair", "pair.json")
    try:
        with open(p) as f:
            c = json.load(f)
    except (OSError, ValueError):
        return None
    c["dir"] = os.path.dirname(p)
    return c


def node_dir(cfg, node):
    return os.path.join(cfg["dir"], node)


def read_pid(path):
    try:
        with open(path) as f:
            return int(f.readline().strip())
    except (OSError, ValueError):
        return None


def proc_state(pid):
    """'R', 'S', 'T', 'Z'… or None when there is no such process."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def alive(pid):
    return pid is not None and proc_state(pid) not in (None, "Z", "X")


def keepalived_pids(cfg, node):
    d = node_dir(cfg, node)
    pids = [read_pid(os.path.join(d, f)) for f in ("keepalived.pid", "vrrp.pid")]
    return [p for p in pids if alive(p)]


def service_active(cfg, node, name):
    return alive(read_pid(os.path.join(node_dir(cfg, node), "svc", name + ".pid")))


def is_active(cfg, node, units):
    lines, rc = [], 0
    for u in units:
        if u == "keepalived":
            ok = bool(keepalived_pids(cfg, node))
        elif u in cfg["services"]:
            ok = service_active(cfg, node, u)
        else:
            lines.append("inactive")
            rc = 3
            continue
        lines.append("active" if ok else "inactive")
        rc = rc if ok else 3
    out = "".join(l + "\n" for l in lines)
    if rc:
        raise PairFail("", rc, out)
    return out


def init_request(cfg, node, verb):
    """systemctl start|stop keepalived: the node's init (root) does it; we wait for its answer."""
    d = node_dir(cfg, node)
    rid = "%d-%d" % (os.getpid(), int(time.time() * 1000))
    rep = os.path.join(d, "initrep", rid)
    try:
        fd = os.open(os.path.join(d, "initctl"), os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        raise PairFail("System has not been booted with systemd as init system (PID 1). Can't operate.\n"
                       "Failed to connect to bus: Host is down", 1)
    with os.fdopen(fd, "w") as f:
        f.write("%s %s keepalived\n" % (rid, verb))
    end = time.time() + 20
    while time.time() < end:
        try:
            with open(rep) as f:
                text = f.read()
            os.unlink(rep)
            code, _, msg = text.partition(" ")
            if code != "0":
                raise PairFail("Job for keepalived.service failed: " + msg.strip(), 1)
            return ""
        except FileNotFoundError:
            time.sleep(0.05)
    raise PairFail("Job for keepalived.service timed out.", 1)


def findmnt(cfg, n):
    if not n.get("mounted"):
        raise PairFail("", 1)
    doc = {"filesystems": [{"target": cfg["mountpoint"], "source": cfg["device"], "fstype": "ext4",
                            "options": "rw,relatime"}]}
    return json.dumps(doc, indent=3) + "\n"


def need_root(cmd):
    if os.geteuid() != 0:
        raise PairFail("%s: must be superuser." % cmd, 1)


def _answer(fn):
    try:
        return fn()
    except PairFail as e:
        import sys
        sys.stdout.write(e.out)
        sys.stdout.flush()
        if e.msg:
            sys.stderr.write(e.msg.rstrip("\n") + "\n")
        sys.exit(e.code)


def serve_unlocked(store, node, argv):
    """The commands that do not touch the DRBD state, served without its lock: `systemctl stop
    keepalived` waits for the notify script, which needs that lock. None when argv is not one."""
    cfg = config(store)
    if cfg is None or not argv or node not in cfg["netns"]:
        return None
    return _answer(lambda: _unlocked(cfg, node, argv))


def serve(st, store, node, argv):
    """stdout text for the commands on the simulated device (mount), or None."""
    cfg = config(store)
    if cfg is None or not argv:
        return None
    return _answer(lambda: _locked(cfg, st["nodes"][node], argv))


def _unlocked(cfg, node, argv):
    if argv in (["ip", "-j", "addr"], ["ip", "-j", "addr", "show"], ["ip", "-j", "address", "show"]):
        r = subprocess.run([cfg["nsenter"], "--net=/run/netns/" + cfg["netns"][node], "ip", "-j", "addr", "show"],
                           capture_output=True, text=True, timeout=5)
        if r.returncode != 0:
            raise PairFail(r.stderr or "ip: failed", r.returncode)
        return r.stdout
    if argv == PS_ARGS:
        pids = keepalived_pids(cfg, node)
        # none: what ps -C prints when nothing matches (its header, exit 1); a name nothing runs as
        sel = ["-p", ",".join(map(str, pids))] if pids else ["-C", "hd-no-keepalived"]
        r = subprocess.run(["ps", "-o", "pid,stat,etimes,args"] + sel, capture_output=True, text=True, timeout=5)
        if r.returncode != 0:
            raise PairFail(r.stderr, r.returncode, r.stdout)
        return r.stdout
    if argv[:2] == ["systemctl", "is-active"] and len(argv) > 2:
        return is_active(cfg, node, argv[2:])
    if argv[:1] == ["systemctl"] and len(argv) == 3 and argv[1] in ("start", "stop") \
            and argv[2] in ("keepalived", "keepalived.service"):
        return init_request(cfg, node, argv[1])
    if argv == ["cat", os.path.join(node_dir(cfg, node), "keepalived.conf")]:
        with open(argv[1]) as f:     # the file this node's keepalived runs with (its ps shows -f)
            return f.read()
    if argv == ["cat", NOTIFY_PATH]:
        try:
            with open(os.path.join(node_dir(cfg, node), "notify.state")) as f:
                return f.read()
        except FileNotFoundError:
            raise PairFail("cat: %s: No such file or directory" % NOTIFY_PATH, 1)
    return None


def _locked(cfg, n, argv):
    mp, dev = cfg["mountpoint"], cfg["device"]
    if argv == ["findmnt", "-J", mp] or argv == ["findmnt", "-J", "-S", dev]:
        return findmnt(cfg, n)
    if argv[:1] == ["mount"] and argv[1:] == [dev, mp]:
        need_root("mount")
        if not n["configured"] or n["role"] != "Primary":
            raise PairFail("mount: %s: wrong medium type." % mp, 32)
        if n.get("mounted"):
            raise PairFail("mount: %s: %s already mounted on %s." % (mp, dev, mp), 32)
        n["mounted"] = True
        return ""
    if argv == ["umount", mp]:
        need_root("umount")
        if not n.get("mounted"):
            raise PairFail("umount: %s: not mounted." % mp, 32)
        n["mounted"] = False
        return ""
    return None
