package io.hadeck.console.tui;

import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** What the operator is looking at and typing. Touched only on the UI thread. */
public final class UiState {
    public enum View { MAIN, DETAIL, HELP, OUTPUT, FLEET }

    public enum Input { NONE, COMMAND, FILTER, CONFIRM_QUIT }

    public View view = View.MAIN;
    public Input input = Input.NONE;
    /** By name, so the selection follows the node when the list changes. */
    public String selected;
    public String filter = "";
    public int eventScroll;
    public int detailScroll;
    public int outputScroll;
    public int helpScroll;
    /** The fleet view's rows (worst first) and the selected one. */
    public List<io.hadeck.fleet.FleetRow> fleet = List.of();
    public int fleetIndex;
    public String outputTitle = "";
    public List<String> output = List.of();
    public String buffer = "";
    public final List<String> history = new ArrayList<>();
    public int historyIndex = -1;
    public String message;
    public Severity messageSeverity = Severity.INFO;
    public boolean paused;
    public boolean quit;
    public ActionLauncher.Overlay overlay;
    /** Columns of the node grid as last drawn: left/right move within a row, up/down across rows. */
    public int gridColumns = 1;

    public void say(Severity severity, String text) {
        this.messageSeverity = severity;
        this.message = text;
    }

    /** A command's output, full screen from its first line (tabs as spaces: the pane has no tab stops). */
    public void showOutput(String title, String text) {
        view = View.OUTPUT;
        outputTitle = title;
        output = List.of(text.replace("\t", "    ").split("\n", -1));
        outputScroll = 0;
        message = null;
    }
}
