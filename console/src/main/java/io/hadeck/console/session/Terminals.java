package io.hadeck.console.session;

import java.io.Console;

/**
 * Whether a person's terminal is attached. Since JDK 22 {@link System#console()} returns a console
 * even when the streams are redirected, so "not null" no longer means "someone can type": piped
 * text must never be taken for an operator's answer.
 */
public final class Terminals {
    private Terminals() {
    }

    public static boolean attached() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console exists only on a terminal
        }
    }
}
