package io.hadeck.console.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import io.hadeck.actions.catalogue.ActionRequest;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The hook for guided actions (promote, demote, force-leader, failover on/off, DRBD recovery).
 * The actions module implements it in io.hadeck.console.tui.action and passes it through
 * {@link ConsoleContext#withActions}; until then every action key says it is not available.
 */
public interface ActionLauncher {

    /** Why actions cannot run right now (shown instead of a dialog), empty when they can. */
    Optional<String> unavailableReason();

    /**
     * Opens the guided dialog for one request (the catalogue's: action, the cluster on screen, the
     * selected node). The returned overlay is drawn over the console and receives every key until it
     * says it is closed. It must not block: long work runs on its own thread and the overlay shows progress.
     */
    Overlay launch(ActionRequest request);

    /** Where dialogs opened from elsewhere (the `:` line) are shown; the console binds it at start. */
    default void bind(Consumer<Overlay> opener) {
    }

    /** Who holds the cluster's action lock ("alice@bastion since 03:02"), for the header. */
    default Optional<String> lockHolder(String cluster) {
        return Optional.empty();
    }

    /** True while an action this console started is running: `q` then asks before quitting. */
    default boolean actionRunning() {
        return false;
    }

    /** A modal box drawn over the console (dialogs, confirmations). */
    interface Overlay {
        /** Draws into {@code g}, which covers the whole screen; {@code frame} gives theme and glyphs. */
        void draw(TextGraphics g, RenderContext frame);

        /** Handles one key; returns false once the overlay is finished and should close. */
        boolean onKey(KeyStroke key);
    }

    static ActionLauncher unavailable() {
        return new ActionLauncher() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.of("disabled: guided actions not available yet");
            }

            @Override
            public Overlay launch(ActionRequest request) {
                throw new IllegalStateException("guided actions not available yet");
            }
        };
    }
}
