package io.hadeck.console.output;

import ch.qos.logback.core.PropertyDefinerBase;


/** Gives logback.xml the log file path, resolved exactly as {@link LogFile#path()} does. */
public final class LogFileProperty extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return LogFile.path().toString();
    }
}
