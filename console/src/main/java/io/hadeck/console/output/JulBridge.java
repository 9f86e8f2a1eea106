package io.hadeck.console.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC (under jetcd) logs through java.util.logging, whose default handler writes to the
 * terminal. Route it to SLF4J (and so to the log file) instead; warnings and worse only.
 * java.util.logging is set up only when something first logs through it (~60 ms on a cold JVM,
 * which commands that never build a gRPC client need not pay): {@link #install} merely names
 * {@link Config} as its configuration.
 */
public final class JulBridge extends Handler {

    /** Built by java.util.logging itself when it initializes (its {@code config.class}). */
    public static final class Config {
        public Config() throws IOException {
            String properties = "handlers=" + JulBridge.class.getName() + "\n.level=WARNING\n";
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    /** Public for java.util.logging, which instantiates the handlers its configuration names. */
    public JulBridge() {
        setLevel(Level.WARNING);
    }

    public static void install() {
        System.setProperty("java.util.logging.config.class", Config.class.getName());
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
