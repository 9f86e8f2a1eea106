package io.hadeck.console.tui;

/**
 * One key as data: which key, what the help says, the command it runs, and whether it changes the
 * cluster (dangerous). Read-only mode drops the dangerous ones; the help overlay lists the rest.
 *
 * @param key     as {@link KeyNames#of} names it: "j", "Enter", "Up", "?", "P"
 * @param command a console command ("select down", "detail", "quit") or "action NAME" for guided actions
 */
public record KeyBinding(String key, String description, String command, boolean dangerous) {

    public boolean isAction() {
        return command.startsWith("action ");
    }

    /** The catalogue's action this key asks for, empty for a console command. */
    public java.util.Optional<io.hadeck.actions.catalogue.ActionKind> action() {
        return isAction() ? io.hadeck.actions.catalogue.ActionKind.byCommand(command.substring("action ".length()))
                : java.util.Optional.empty();
    }
}
