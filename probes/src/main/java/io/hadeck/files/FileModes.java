package io.hadeck.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Who else may touch a configuration or a secret file. A file others can write could be made to
 * point hadeck anywhere; a secret others can read is no secret. The refusal says the command that
 * fixes it.
 */
public final class FileModes {
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OTHERS_READ = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private FileModes() {
    }

    /** Why a configuration file must not be used, or empty. Only regular files are judged. */
    public static Optional<String> configProblem(Path file) {
        Set<PosixFilePermission> p = permissions(file);
        if (p != null && p.stream().anyMatch(OTHERS_WRITE::contains)) {
            return Optional.of("others can write this file (mode " + mode(p) + "); fix it: chmod go-w " + file);
        }
        return Optional.empty();
    }

    /** Why a secret file must not be used, or empty (a missing file is reported when it is read). */
    public static Optional<String> secretProblem(Path file) {
        Set<PosixFilePermission> p = permissions(file);
        if (p != null && p.stream().anyMatch(x -> OTHERS_WRITE.contains(x) || OTHERS_READ.contains(x))) {
            return Optional.of("others can read or write it (mode " + mode(p) + "); fix it: chmod 600 " + file);
        }
        return Optional.empty();
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.getPosixFilePermissions(file) : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    static String mode(Set<PosixFilePermission> p) {
        int m = 0;
        for (PosixFilePermission x : p) {
            m |= 1 << (8 - x.ordinal());
        }
        return String.format("%04o", m);
    }
}
