package io.hadeck.console.output;

import io.hadeck.text.Redactor;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The terminal side of hadeck's one redactor and one sanitiser: every command's output and
 * errors pass through here line by line, so text from outside (a node's stderr, a server's reply,
 * an exception message, a parsed file) can neither leak a secret nor write escape sequences to
 * the operator's terminal. JSON passes too: Jackson already escapes C0 controls, and what is left
 * (C1, bidi) becomes {@code \u009b}, still valid JSON.
 */
public final class SafeOutput extends Writer {

    private final PrintWriter target;
    private final StringBuilder line = new StringBuilder();

    private SafeOutput(PrintWriter target) {
        this.target = target;
    }

    /** {@code out} behind the redactor and sanitiser (once: wrapping a wrapped writer returns it). */
    public static PrintWriter wrap(PrintWriter out) {
        return out instanceof Wrapped ? out : new Wrapped(new SafeOutput(out));
    }

    private static final class Wrapped extends PrintWriter {
        Wrapped(SafeOutput s) {
            super(s, true);
        }
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            line.append(buf[i]);
            if (buf[i] == '\n') {
                emit();
            }
        }
    }

    @Override
    public synchronized void flush() {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() {
        flush();
    }

    private void emit() {
        if (!line.isEmpty()) {
            target.write(Redactor.forTerminal(line.toString()));
            line.setLength(0);
        }
    }
}
