package io.hadeck.console.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
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
    static final List<String> CHATTY = List.of("io.grpc", "io.netty", "io.etcd", "io.vertx", "org.elasticsearch",
            "org.apache.http", "org.postgresql");

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        ctx.getStatusManager().add(new NopStatusListener());   // logback's own complaints never reach the terminal
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(PATTERN);
        encoder.start();
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
}
