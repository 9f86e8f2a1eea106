package io.hadeck.console.tui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The console's terminal output: a whole frame is buffered and leaves in one write (Lanterna
 * flushes after each refresh), except a cursor position request (ESC [ 6 n), which must reach the
 * terminal at once: Lanterna asks for it to learn the terminal's size, at start and on every
 * resize, and waits up to 5 s for the answer. Buffered, the request never left, so the first frame
 * came 5 s late (measured: first full frame 8.6 s after start on a quiet machine).
 */
final class FrameOutput extends BufferedOutputStream {

    private static final byte[] CURSOR_POSITION_REQUEST = {0x1b, '[', '6', 'n'};

    FrameOutput(OutputStream out, int size) {
        super(out, size);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        if (endsWithRequest(b, off, len)) {
            flush();
        }
    }

    /** Lanterna writes each escape sequence as one array, so the request ends the chunk it is in. */
    static boolean endsWithRequest(byte[] b, int off, int len) {
        int n = CURSOR_POSITION_REQUEST.length;
        return len >= n && Arrays.equals(b, off + len - n, off + len, CURSOR_POSITION_REQUEST, 0, n);
    }
}
