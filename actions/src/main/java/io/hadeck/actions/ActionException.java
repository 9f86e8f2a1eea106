package io.hadeck.actions;

/**
 * An action could not be carried out. The message is one line an operator can act on (what was
 * tried, what answered); it never holds a secret and is never accompanied by a stack trace on screen.
 */
public class ActionException extends RuntimeException {
    public ActionException(String message) {
        super(message);
    }

    public ActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
