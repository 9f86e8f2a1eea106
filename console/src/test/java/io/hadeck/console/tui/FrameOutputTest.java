package io.hadeck.console.tui;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A frame leaves in one write; Lanterna's question about the terminal's size leaves at once. */
class FrameOutputTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final FrameOutput out = new FrameOutput(terminal, 1 << 16);

    private void write(String s) throws Exception {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
    }

    @Test
    void aFrameStaysBufferedUntilLanternaFlushesIt() throws Exception {
        write("\u001b[2J");
        write("node-1 primary");

        assertThat(terminal.size()).isZero();
        out.flush();
        assertThat(terminal.toString(StandardCharsets.US_ASCII)).isEqualTo("\u001b[2Jnode-1 primary");
    }

    @Test
    void theCursorPositionRequestReachesTheTerminalAtOnce() throws Exception {
        write("\u001b7\u001b[5000;5000H");
        write("\u001b[6n");

        assertThat(terminal.toString(StandardCharsets.US_ASCII)).endsWith("\u001b[6n");
    }

    @Test
    void onlyARequestAtTheEndOfAWriteCounts() {
        byte[] b = "x\u001b[6ny".getBytes(StandardCharsets.US_ASCII);
        assertThat(FrameOutput.endsWithRequest(b, 0, b.length)).isFalse();
        assertThat(FrameOutput.endsWithRequest(b, 1, 4)).isTrue();
        assertThat(FrameOutput.endsWithRequest(b, 0, 2)).isFalse();
    }
}
