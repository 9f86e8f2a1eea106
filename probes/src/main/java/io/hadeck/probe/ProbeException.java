package io.hadeck.probe;

/** A read failure whose message is already fit for an operator's screen (no class names, no trace). */
public class ProbeException extends RuntimeException {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
