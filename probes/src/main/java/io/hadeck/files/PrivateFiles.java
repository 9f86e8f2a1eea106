package io.hadeck.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * hadeck's own files (log, REPL history, audit log, journal) hold hostnames, commands and who did
 * what: 0600 files in 0700 directories, whoever creates them first. An existing file is tightened,
 * not only a new one, because an earlier version or another tool may have made it with the umask's
 * 0644. An existing directory is tightened only when it is hadeck's own (named {@code hadeck}, as
 * the state directory is): a directory the operator pointed a file into — a shared /var/log, a lab
 * directory other users must traverse — keeps its mode (a 0700 lab directory locked PostgreSQL and
 * sshd out of their own files in CI).
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    /** The name of hadeck's own directories ($XDG_STATE_HOME/hadeck, ~/.config/hadeck). */
    static final String OWN_DIRECTORY = "hadeck";

    private PrivateFiles() {
    }

    /** Creates {@code dir} and missing parents; the last directory is 0700 (parents that exist are left alone). */
    public static Path directory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (!Files.isDirectory(abs)) {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIR));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(abs)) {
                    throw new java.nio.file.FileSystemException(abs.toString(), null, "not a directory");
                }
                // else created meanwhile by another hadeck: tightened below
            }
        }
        if (OWN_DIRECTORY.equals(String.valueOf(abs.getFileName()))) {
            tighten(abs, DIR);
        }
        return dir;
    }

    /** Creates {@code file} (and its 0700 directory) as 0600 if it is missing; tightens it if it exists. */
    public static Path file(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            directory(abs.getParent());
        }
        try {
            Files.createFile(abs, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
            // exists: tightened below
        }
        tighten(abs, FILE);
        return file;
    }

    /** Sets {@code perms} when looser; a file of another user (we may not chmod it) is left as it is. */
    private static void tighten(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            if ((Files.isRegularFile(p) || Files.isDirectory(p)) && !Files.getPosixFilePermissions(p).equals(perms)) {
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // not a POSIX file system, or not our file (/dev/null as a log, a directory of root's)
        }
    }
}
