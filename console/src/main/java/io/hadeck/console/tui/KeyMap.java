package io.hadeck.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import io.hadeck.actions.catalogue.ActionKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's key bindings: one list, read by the dispatcher and by the help overlay alike. */
public final class KeyMap {
    private final List<KeyBinding> bindings;

    public KeyMap(List<KeyBinding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    public static KeyMap defaults(boolean readOnly) {
        List<KeyBinding> all = List.of(
                new KeyBinding("Up", "select the node above", "select up", false),
                new KeyBinding("k", "select the node above", "select up", false),
                new KeyBinding("Down", "select the node below", "select down", false),
                new KeyBinding("j", "select the node below", "select down", false),
                new KeyBinding("Left", "select the node to the left", "select left", false),
                new KeyBinding("h", "select the node to the left", "select left", false),
                new KeyBinding("Right", "select the node to the right", "select right", false),
                new KeyBinding("l", "select the node to the right", "select right", false),
                new KeyBinding("Enter", "everything read for the selected node", "detail", false),
                new KeyBinding("Esc", "back / close / cancel", "back", false),
                new KeyBinding(":", "command line (Tab completes, Up/Down history)", "command-line", false),
                new KeyBinding("/", "filter nodes by name", "filter", false),
                new KeyBinding("?", "this help", "help", false),
                new KeyBinding("t", "next theme", "theme next", false),
                new KeyBinding("p", "pause / resume the display", "pause", false),
                new KeyBinding("r", "refresh now", "refresh", false),
                new KeyBinding("PgUp", "scroll the event log back (past this session: into the journal)", "scroll up", false),
                new KeyBinding("PgDn", "scroll the event log forward", "scroll down", false),
                new KeyBinding("f", "the fleet: every configured cluster, worst first (Enter opens one)", "fleet", false),
                new KeyBinding("q", "quit", "quit", false),
                action("P", ActionKind.PROMOTE),
                action("D", ActionKind.DEMOTE),
                action("F", ActionKind.FORCE_LEADER),
                action("M", ActionKind.CLUSTER_FAILOVER_OFF),
                action("A", ActionKind.CLUSTER_FAILOVER_ON),
                action("R", ActionKind.DRBD_RECOVER),
                action("X", ActionKind.FENCE),
                action("J", ActionKind.REJOIN),
                action("U", ActionKind.ROLLING_UPGRADE),
                action("H", ActionKind.PAIR_HANDOVER));
        return new KeyMap(readOnly ? all.stream().filter(b -> !b.dangerous()).toList() : all);
    }

    /** Action keys come from the catalogue: its description, its command, always dangerous. */
    private static KeyBinding action(String key, ActionKind kind) {
        return new KeyBinding(key, kind.description(), "action " + kind.command(), true);
    }

    public List<KeyBinding> bindings() {
        return bindings;
    }

    public Optional<KeyBinding> lookup(KeyStroke k) {
        String name = KeyNames.of(k);
        return bindings.stream().filter(b -> b.key().equals(name)).findFirst();
    }

    /** Bindings grouped by command, in list order: "Up k  select the node above". */
    public Map<KeyBinding, List<String>> byCommand() {
        Map<String, KeyBinding> first = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (KeyBinding b : bindings) {
            first.putIfAbsent(b.command(), b);
            keys.computeIfAbsent(b.command(), c -> new java.util.ArrayList<>()).add(b.key());
        }
        Map<KeyBinding, List<String>> out = new LinkedHashMap<>();
        first.forEach((cmd, b) -> out.put(b, keys.get(cmd)));
        return out;
    }
}
