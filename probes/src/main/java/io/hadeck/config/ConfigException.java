package io.hadeck.config;

/** A configuration problem, with a message fit for one line on an operator's terminal. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
