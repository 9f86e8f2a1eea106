package io.hadeck.actions.ha;

/**
 * One call an action will make, described exactly (the HTTP request or the command line) before it
 * is made, so a plan can show it and the audit log can record it. Running it returns the answer's
 * short text or throws {@link io.hadeck.actions.ActionException}.
 */
public record Call(String description, Effect effect) {

    @FunctionalInterface
    public interface Effect {
        String run();
    }

    public String run() {
        return effect.run();
    }

    @Override
    public String toString() {
        return description;
    }
}
