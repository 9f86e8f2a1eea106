package io.hadeck.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** hadeck's files are private; a directory the operator pointed a file into keeps its mode. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewFileIs0600InANew0700Directory() throws Exception {
        Path f = PrivateFiles.file(dir.resolve("state/hadeck/audit.jsonl"));
        assertThat(mode(f)).isEqualTo("rw-------");
        assertThat(mode(f.getParent())).isEqualTo("rwx------");
    }

    @Test
    void hadecksOwnDirectoryIsTightenedWhoeverMadeItFirst() throws Exception {
        Path own = Files.createDirectories(dir.resolve("hadeck"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.file(own.resolve("hadeck.log"));
        assertThat(mode(own)).isEqualTo("rwx------");
    }

    @Test
    void aSharedDirectoryKeepsItsModeButTheFileInItIsPrivate() throws Exception {
        Path lab = Files.createDirectories(dir.resolve(".lab"));
        Files.setPosixFilePermissions(lab, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path audit = PrivateFiles.file(lab.resolve("audit.jsonl"));
        assertThat(mode(lab)).as("PostgreSQL and sshd must still reach the lab's other files").isEqualTo("rwxr-xr-x");
        assertThat(mode(audit)).isEqualTo("rw-------");
    }
}
