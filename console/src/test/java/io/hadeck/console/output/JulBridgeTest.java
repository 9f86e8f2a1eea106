package io.hadeck.console.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gRPC's complaints about a dead etcd member go to the log file, never onto the operator's terminal. */
class JulBridgeTest {

    @AfterEach
    void restoreDefaults() throws Exception {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void javaUtilLoggingConfiguredByTheBridgeWritesNothingToTheTerminal() throws Exception {
        new JulBridge.Config();   // what java.util.logging does on first use once install() named it

        Handler[] handlers = Logger.getLogger("").getHandlers();
        assertThat(handlers).hasSize(1);
        assertThat(handlers[0]).isInstanceOf(JulBridge.class);

        PrintStream terminal = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            Logger grpc = Logger.getLogger("io.grpc.internal.ManagedChannelImpl");
            grpc.warning("[Channel<1>: (etcd)] Failed to resolve name");
            grpc.info("chatter below WARNING is dropped");
            assertThat(grpc.isLoggable(Level.INFO)).isFalse();
        } finally {
            System.setErr(terminal);
        }
        assertThat(captured.toString()).isEmpty();
    }

    @Test
    void installOnlyNamesTheConfigurationJavaUtilLoggingWillUse() {
        JulBridge.install();
        assertThat(System.getProperty("java.util.logging.config.class")).isEqualTo(JulBridge.Config.class.getName());
        System.clearProperty("java.util.logging.config.class");
    }
}
