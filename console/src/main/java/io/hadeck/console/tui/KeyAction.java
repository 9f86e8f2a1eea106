package io.hadeck.console.tui;

/**
 * What a console key does when it does not open a guided action: the closed list the key map binds,
 * the key handler dispatches on and the help overlay describes.
 */
public enum KeyAction implements KeyCommand {
    SELECT_UP("select the node above"),
    SELECT_DOWN("select the node below"),
    SELECT_LEFT("select the node to the left"),
    SELECT_RIGHT("select the node to the right"),
    DETAIL("everything read for the selected node"),
    BACK("back / close / cancel"),
    COMMAND_LINE("command line (Tab completes, Up/Down history)"),
    FILTER("filter nodes by name"),
    HELP("this help"),
    THEME_NEXT("next theme"),
    PAUSE("pause / resume the display"),
    REFRESH("refresh now"),
    SCROLL_UP("scroll the event log back (past this session: into the journal)"),
    SCROLL_DOWN("scroll the event log forward"),
    FLEET("the fleet: every configured cluster, worst first (Enter opens one)"),
    QUIT("quit");

    private final String description;

    KeyAction(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
