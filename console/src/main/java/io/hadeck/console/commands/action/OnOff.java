package io.hadeck.console.commands.action;

/** The on|off argument of the failover commands (picocli matches it case-insensitively). */
public enum OnOff {
    on, off;

    boolean enabled() {
        return this == on;
    }
}
