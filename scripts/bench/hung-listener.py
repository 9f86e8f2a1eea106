"""Loopback listeners that accept connections and never answer (a hung node), for scripts/bench.

Usage: hung-listener.py HOST COUNT SECONDS PORTFILE
Binds COUNT ports chosen by the kernel on HOST, writes them to PORTFILE (one per line), holds
every accepted connection open without reading or writing, and exits after SECONDS at most.
"""
import selectors
import socket
import sys
import time


def main():
    if len(sys.argv) != 5:
        sys.stderr.write("usage: hung-listener.py HOST COUNT SECONDS PORTFILE\n")
        sys.exit(2)
    host, count, seconds, portfile = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    sel = selectors.DefaultSelector()
    ports = []
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((host, 0))
        s.listen(512)
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
        ports.append(s.getsockname()[1])
    with open(portfile + ".tmp", "w") as f:
        f.write("\n".join(str(p) for p in ports) + "\n")
    import os
    os.replace(portfile + ".tmp", portfile)
    held = []   # accepted sockets, kept open and never read: the peer waits for an answer
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for key, _ in sel.select(timeout=0.5):
            try:
                conn, _ = key.fileobj.accept()
                held.append(conn)
            except OSError:
                pass


if __name__ == "__main__":
    main()
