package io.hadeck.console.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.hadeck.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** hadeck.log: private, and no line in it holds a credential or an escape sequence. */
class LogRedactionTest {

    @Test
    void everyLogLinePassesTheRedactorAndTheSanitiser() {
        LoggerContext ctx = new LoggerContext();
        LogConfigurator.RedactingLayout layout = new LogConfigurator.RedactingLayout();
        layout.setContext(ctx);
        layout.setPattern("%msg%n%ex{short}");
        layout.start();
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("t"), Level.WARN,
                "etcd http://root:s3cret@10.0.0.1:2379 said \033]0;owned\007", new IllegalStateException(
                        "password=s3cret"), null);
        String line = layout.doLayout(e);
        assertThat(line).doesNotContain("s3cret").doesNotContain("\033").contains("http://***@10.0.0.1:2379")
                .contains("\\x1b]0;owned\\x07").contains("password=***");
    }

    @Test
    void theLogFileAndItsDirectoryArePrivateWhoeverCreatesThemFirst(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("state/hadeck/hadeck.log");
        PrivateFiles.file(log);
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(log.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        // made by an older hadeck or by hand with the umask's modes: tightened
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(log.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.file(log);
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(log.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}
