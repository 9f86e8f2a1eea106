package io.hadeck.console.output;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC (under jetcd) logs through java.util.logging, whose default handler writes to the
 * terminal. Route it to SLF4J (and so to the log file) instead; warnings and worse only.
 */
public final class JulBridge extends Handler {

    private JulBridge() {
    }

    public static void install() {
        LogManager.getLogManager().reset();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(new JulBridge());
    }

    @Override
    public void publish(LogRecord r) {
        Logger log = LoggerFactory.getLogger(r.getLoggerName() == null ? "jul" : r.getLoggerName());
        String msg = r.getMessage();
        if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
            log.error(msg, r.getThrown());
        } else {
            log.warn(msg, r.getThrown());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
