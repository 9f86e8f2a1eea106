package io.hadeck.console.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.hadeck.files.PrivateFiles;
import io.hadeck.text.Redactor;
import io.hadeck.text.TerminalText;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

import java.util.List;

/**
 * hadeck logs to a file only: the terminal belongs to the operator (and to JSON consumers). The
 * file is {@link LogFile#path()}. Configured in code, found by logback through its service file:
 * the same settings from logback.xml cost ~0.1 s of XML parsing at every start of a one-shot command.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n%ex{short}";
    /** Client libraries are chatty: only their warnings, and only in the file. */
    static final List<String> CHATTY = List.of("io.grpc", "io.netty", "io.etcd", "io.vertx",
            "org.postgresql");

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        ctx.getStatusManager().add(new NopStatusListener());   // logback's own complaints never reach the terminal
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(ctx);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.start();
        try {
            PrivateFiles.file(LogFile.path());   // 0600 in a 0700 directory, before logback creates it 0644
        } catch (java.io.IOException | RuntimeException e) {
            // the appender reports nothing either: hadeck runs without a log rather than not at all
        }
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(ctx);
        file.setName("FILE");
        file.setFile(LogFile.path().toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        CHATTY.forEach(name -> ctx.getLogger(name).setLevel(Level.WARN));
        ctx.getLogger("hadeck.events").setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Every log line passes the one redactor; control characters are escaped so `less` and `tail` stay safe. */
    static final class RedactingLayout extends PatternLayout {
        @Override
        public String doLayout(ILoggingEvent event) {
            return TerminalText.escape(Redactor.redact(super.doLayout(event)));
        }
    }
}
