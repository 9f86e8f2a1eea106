package io.hadeck.console.init;

import io.hadeck.console.line.CommandException;
import io.hadeck.files.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the configuration `hadeck init` drafted: 0600 (it names where the secrets are), its
 * directory created 0700 when missing, replaced in one rename so a half-written file is never read.
 */
public final class ConfigFileWriter {

    private ConfigFileWriter() {
    }

    public static void write(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(dir)) {
                PrivateFiles.directory(dir);
            }
            Path tmp = Files.createTempFile(dir, ".hadeck-init", ".tmp",
                    PosixFilePermissions.asFileAttribute(PrivateFiles.FILE));
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw CommandException.usage("init: cannot write " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
