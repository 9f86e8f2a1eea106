package io.hadeck.console.commands;

import io.hadeck.testkit.Clusters;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What a hostile file, pipe or reply makes hadeck print: one escaped, redacted line, never a stack trace. */
class HostileInputTest {

    private final TestShell t = TestShell.of(Clusters.healthyPrimaryTwoStandbys());

    private int withStdin(byte[] bytes, String... argv) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(bytes));
        try {
            return t.main(argv);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void escapeSequencesOnStdinAreShownEscapedNeverSentToTheTerminal() {
        int code = withStdin("\033]0;x\007\n\033[2J\u009b31m\n".getBytes(StandardCharsets.UTF_8), "drbd", "parse", "-");
        String all = t.out() + t.err();
        assertThat(all).doesNotContain("\033").doesNotContain("\007").doesNotContain("\u009b");
        assertThat(code).isEqualTo(2);
        assertThat(t.err()).contains("\\x1b]0;x\\x07");
    }

    @Test
    void endlessOrBinaryInputIsOneLineAndExit2() throws Exception {
        assertThat(t.main("drbd", "parse", "/dev/zero")).isEqualTo(2);
        assertThat(t.err()).isEqualTo("hadeck: /dev/zero: not text: byte 0x00 at offset 0\n");
        t.clear();
        assertThat(t.main("config", "check", "/dev/zero")).isEqualTo(2);
        assertThat(t.err()).isEqualTo("/dev/zero: not text: byte 0x00 at offset 0\n");
        t.clear();
        assertThat(withStdin(new byte[] {'v', 'e', 'r', (byte) 0xc3, '(', '\n'}, "drbd", "parse")).isEqualTo(2);
        assertThat(t.err()).isEqualTo("hadeck: stdin: not UTF-8 text: byte 0xc3 at offset 3\n");
        t.clear();
        assertThat(withStdin(new byte[(8 << 20) + 1], "drbd", "parse")).isEqualTo(2);
        assertThat(t.err()).isEqualTo("hadeck: stdin: not text: byte 0x00 at offset 0\n");
        t.clear();
        assertThat(withStdin("x".repeat((8 << 20) + 1).getBytes(StandardCharsets.US_ASCII), "drbd", "parse")).isEqualTo(2);
        assertThat(t.err()).isEqualTo("hadeck: stdin: larger than 8 MiB; hadeck reads at most that much\n");
    }

    @Test
    void errorMessagesPassTheRedactor() {
        assertThat(t.main("drbd", "parse", "http://root:s3cret@10.0.0.1/x")).isEqualTo(2);
        assertThat(t.err()).isEqualTo("hadeck: no such file: http://***@10.0.0.1/x\n");
        t.clear();
        assertThat(t.main("echo", "Authorization: Basic cm9vdDpzM2NyZXQ=", "password=s3cret")).isEqualTo(0);
        assertThat(t.out()).isEqualTo("Authorization: *** password=***\n");
    }

    @Test
    void configCheckSaysWhenTheAuditLogCannotBeWritten(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x\n");
        Path cfg = Files.writeString(dir.resolve("c.yaml"), "audit: {path: " + plain.resolve("audit.jsonl") + "}\n"
                + "clusters:\n  - name: c\n    nodes: [{name: a, host: h}]\n");
        Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-------"));
        assertThat(t.main("config", "check", cfg.toString())).isEqualTo(2);
        assertThat(t.err()).isEqualTo(cfg + ": audit log " + plain.resolve("audit.jsonl")
                + " is not writable: no directory to create it in\n");
    }
}
