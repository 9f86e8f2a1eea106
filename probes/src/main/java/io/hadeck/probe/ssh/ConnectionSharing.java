package io.hadeck.probe.ssh;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ssh connection sharing (OpenSSH's ControlMaster): every read of a node goes over one ssh connection
 * kept for a few seconds after the last, instead of a key exchange and login per read. A DRBD pair
 * node is read every 2 s by several readers; measured on the lab at load 11, ten reads took 10.9 s
 * one login each and 6.0 s shared, with a third of the client CPU.
 *
 * <p>The control sockets live in a directory only this user can enter: a socket planted by someone
 * else would see every command and its output. When no such directory can be made, nothing is
 * shared and each read logs in as before. A configured {@code ControlMaster=no} wins, since
 * configured options come first on ssh's command line.
 *
 * @param options the ssh options that turn sharing on; empty: not shared
 */
public record ConnectionSharing(List<String> options) {

    /** No sharing: one login per command. */
    public static final ConnectionSharing NONE = new ConnectionSharing(List.of());

    /**
     * How long an idle shared connection stays after its last command: longer than a poll interval,
     * short enough that nothing lingers long after hadeck exits.
     */
    static final int PERSIST_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(ConnectionSharing.class);

    public ConnectionSharing {
        options = List.copyOf(options);
    }

    /** Sharing through sockets in {@code dir}; the server-alive probes end a shared connection to a silent node. */
    public static ConnectionSharing in(Path dir) {
        return new ConnectionSharing(List.of("-o", "ControlMaster=auto", "-o", "ControlPath=" + dir + "/%C",
                "-o", "ControlPersist=" + PERSIST_SECONDS, "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3"));
    }

    /**
     * This user's: $XDG_RUNTIME_DIR/hadeck-ssh, else hadeck-ssh-UID in the temporary directory — only when
     * {@code HADECK_SSH_SHARING=1}. Off by default: twice in the pair ITs, with sharing on, a hadeck run read
     * nothing (not even etcd over HTTP) and did not exit, and the cause is not known yet.
     */
    public static ConnectionSharing forThisUser() {
        return "1".equals(System.getenv("HADECK_SSH_SHARING")) ? Holder.SHARED : NONE;
    }

    private static final class Holder {
        static final ConnectionSharing SHARED = find();
    }

    private static ConnectionSharing find() {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            Path dir = runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute()
                    ? Path.of(runtime, "hadeck-ssh") : Path.of(System.getProperty("java.io.tmpdir"), "hadeck-ssh-" + uid);
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // made by an earlier run: used only if it is still this user's alone (checked below)
            }
            String why = whyNotPrivate(dir, uid);
            if (why != null) {
                log.warn("ssh connection sharing off: {} {}", dir, why);
                return NONE;
            }
            return in(dir);
        } catch (IOException | UnsupportedOperationException | ClassCastException | IllegalArgumentException e) {
            log.warn("ssh connection sharing off: {}", e.toString());
            return NONE;
        }
    }

    /** Null when {@code dir} is a real directory owned by {@code uid} that nobody else may enter. */
    static String whyNotPrivate(Path dir, int uid) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return "is not a directory";
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != uid) {
            return "belongs to uid " + owner;
        }
        int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0077) != 0 ? "may be entered by others (mode " + Integer.toOctalString(mode & 0777) + ")" : null;
    }
}
