package io.hadeck.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;

import java.util.List;
import java.util.Optional;

/**
 * Turns key presses into state changes: typing into the `:` and `/` lines, the quit question,
 * an open overlay, and otherwise the bindings of the {@link KeyMap}.
 */
final class KeyHandler {
    private final ConsoleRuntime rt;

    KeyHandler(ConsoleRuntime rt) {
        this.rt = rt;
    }

    void onKey(KeyStroke k) {
        UiState ui = rt.ui;
        rt.markDirty();
        if (k.getKeyType() == KeyType.EOF) {
            ui.quit = true;
            return;
        }
        if (ui.overlay != null) {
            if (!ui.overlay.onKey(k)) {
                ui.overlay = null;
            }
            return;
        }
        switch (ui.input) {
            case COMMAND -> {
                if (k.getKeyType() != KeyType.Tab) {
                    ui.message = null;
                }
                commandLine(k);
            }
            case FILTER -> filterLine(k);
            case CONFIRM_QUIT -> {
                ui.input = UiState.Input.NONE;
                ui.quit = k.getKeyType() == KeyType.Character && (k.getCharacter() == 'y' || k.getCharacter() == 'Y');
            }
            default -> {
                if (k.getKeyType() == KeyType.Character && k.isCtrlDown() && k.getCharacter() == 'c') {
                    run(KeyAction.QUIT);
                    return;
                }
                ui.message = null;
                Optional<KeyBinding> b = rt.keys.lookup(k);
                b.ifPresent(x -> {
                    switch (x.command()) {
                        case KeyAction a -> run(a);
                        case KeyCommand.Guided _ -> rt.action(x);
                    }
                });
            }
        }
    }

    private void run(KeyAction action) {
        UiState ui = rt.ui;
        switch (action) {
            case SELECT_UP -> move(ui.view == UiState.View.MAIN ? -ui.gridColumns : 0, -1);
            case SELECT_DOWN -> move(ui.view == UiState.View.MAIN ? ui.gridColumns : 0, 1);
            case SELECT_LEFT -> move(-1, 0);
            case SELECT_RIGHT -> move(1, 0);
            case DETAIL -> {
                if (ui.view == UiState.View.FLEET) {
                    rt.openFleetCluster();
                } else if (ui.view == UiState.View.MAIN && ui.selected != null) {
                    ui.view = UiState.View.DETAIL;
                    ui.detailScroll = 0;
                }
            }
            case BACK -> {
                if (ui.view != UiState.View.MAIN) {
                    ui.view = UiState.View.MAIN;
                } else if (!ui.filter.isEmpty()) {
                    ui.filter = "";
                }
            }
            case COMMAND_LINE -> {
                ui.input = UiState.Input.COMMAND;
                ui.message = null;
                ui.buffer = "";
                ui.historyIndex = ui.history.size();
            }
            case FILTER -> {
                ui.input = UiState.Input.FILTER;
                ui.buffer = ui.filter;
            }
            case HELP -> {
                ui.view = ui.view == UiState.View.HELP ? UiState.View.MAIN : UiState.View.HELP;
                ui.helpScroll = 0;
            }
            case THEME_NEXT -> rt.nextTheme();
            case PAUSE -> rt.togglePause();
            case REFRESH -> {
                if (ui.view == UiState.View.FLEET) {
                    rt.showFleet();
                } else {
                    rt.refreshNow();
                }
            }
            case SCROLL_UP -> {
                ui.eventScroll += 5;
                rt.scrolledBack();
            }
            case FLEET -> rt.showFleet();
            case SCROLL_DOWN -> ui.eventScroll = Math.max(0, ui.eventScroll - 5);
            case QUIT -> {
                if (rt.actionRunning()) {
                    ui.input = UiState.Input.CONFIRM_QUIT;
                } else {
                    ui.quit = true;
                }
            }
        }
    }

    /** In lists (detail, output) up/down scroll; in the main view they move the selection. */
    private void move(int gridStep, int scroll) {
        UiState ui = rt.ui;
        switch (ui.view) {
            case DETAIL -> ui.detailScroll = Math.max(0, ui.detailScroll + scroll);
            case OUTPUT -> ui.outputScroll = Math.max(0, ui.outputScroll + scroll);
            case HELP -> ui.helpScroll = Math.max(0, ui.helpScroll + scroll);
            case FLEET -> ui.fleetIndex = Math.max(0, Math.min(ui.fleet.size() - 1, ui.fleetIndex + scroll));
            case MAIN -> {
                ClusterSnapshot s = rt.snapshot();
                if (s == null) {
                    return;
                }
                List<NodeView> nodes = ConsoleView.visibleNodes(s, ui.filter);
                if (nodes.isEmpty()) {
                    return;
                }
                int i = ConsoleView.indexOf(nodes, ui.selected) + gridStep;
                ui.selected = nodes.get(Math.max(0, Math.min(nodes.size() - 1, i))).name();
            }
        }
    }

    private void commandLine(KeyStroke k) {
        UiState ui = rt.ui;
        switch (k.getKeyType()) {
            case Escape -> ui.input = UiState.Input.NONE;
            case Enter -> {
                ui.input = UiState.Input.NONE;
                rt.runCommand(ui.buffer);
            }
            case Backspace -> ui.buffer = ui.buffer.isEmpty() ? "" : ui.buffer.substring(0, ui.buffer.length() - 1);
            case Tab -> {
                List<String> options = rt.complete(ui.buffer);
                if (options.size() == 1) {
                    ui.buffer = options.get(0);
                    ui.message = null;
                } else if (!options.isEmpty()) {
                    ui.buffer = commonPrefix(options, ui.buffer);
                    ui.say(io.hadeck.model.Severity.INFO, String.join("  ", options));
                }
            }
            case ArrowUp -> {
                if (ui.historyIndex > 0) {
                    ui.buffer = ui.history.get(--ui.historyIndex);
                }
            }
            case ArrowDown -> {
                if (ui.historyIndex < ui.history.size() - 1) {
                    ui.buffer = ui.history.get(++ui.historyIndex);
                } else {
                    ui.historyIndex = ui.history.size();
                    ui.buffer = "";
                }
            }
            case Character -> ui.buffer += k.getCharacter();
            default -> {
            }
        }
    }

    private void filterLine(KeyStroke k) {
        UiState ui = rt.ui;
        switch (k.getKeyType()) {
            case Escape -> {
                ui.input = UiState.Input.NONE;
                ui.filter = "";
            }
            case Enter -> ui.input = UiState.Input.NONE;
            case Backspace -> ui.buffer = ui.buffer.isEmpty() ? "" : ui.buffer.substring(0, ui.buffer.length() - 1);
            case Character -> ui.buffer += k.getCharacter();
            default -> {
            }
        }
        if (ui.input == UiState.Input.FILTER || k.getKeyType() == KeyType.Enter) {
            ui.filter = ui.buffer;
        }
    }

    static String commonPrefix(List<String> options, String fallback) {
        String p = options.get(0);
        for (String o : options) {
            int i = 0;
            while (i < p.length() && i < o.length() && p.charAt(i) == o.charAt(i)) {
                i++;
            }
            p = p.substring(0, i);
        }
        return p.length() >= fallback.length() ? p : fallback;
    }
}
