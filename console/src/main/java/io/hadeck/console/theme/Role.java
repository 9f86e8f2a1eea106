package io.hadeck.console.theme;

import io.hadeck.model.Severity;

import java.util.Locale;

/**
 * What a piece of text means on screen. Panes say only this; a theme file says how each role
 * looks, so no view code holds a colour.
 */
public enum Role {
    TEXT, HEADER, BORDER, TITLE, OK, INFO, WARN, CRIT, STALE, SELECTION, DIM, SPARKLINE, PRIMARY, STANDBY,
    BADGE, KEY, FOOTER, COMMAND;

    /** The key used in theme files: lower case, dashes ("selection", "sparkline"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role of(Severity s) {
        return switch (s) {
            case OK -> OK;
            case INFO -> INFO;
            case WARN -> WARN;
            case CRIT -> CRIT;
        };
    }
}
