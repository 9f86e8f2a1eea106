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
                new KeyBinding("Up", KeyAction.SELECT_UP),
                new KeyBinding("k", KeyAction.SELECT_UP),
                new KeyBinding("Down", KeyAction.SELECT_DOWN),
                new KeyBinding("j", KeyAction.SELECT_DOWN),
                new KeyBinding("Left", KeyAction.SELECT_LEFT),
                new KeyBinding("h", KeyAction.SELECT_LEFT),
                new KeyBinding("Right", KeyAction.SELECT_RIGHT),
                new KeyBinding("l", KeyAction.SELECT_RIGHT),
                new KeyBinding("Enter", KeyAction.DETAIL),
                new KeyBinding("Esc", KeyAction.BACK),
                new KeyBinding(":", KeyAction.COMMAND_LINE),
                new KeyBinding("/", KeyAction.FILTER),
                new KeyBinding("?", KeyAction.HELP),
                new KeyBinding("t", KeyAction.THEME_NEXT),
                new KeyBinding("p", KeyAction.PAUSE),
                new KeyBinding("r", KeyAction.REFRESH),
                new KeyBinding("PgUp", KeyAction.SCROLL_UP),
                new KeyBinding("PgDn", KeyAction.SCROLL_DOWN),
                new KeyBinding("f", KeyAction.FLEET),
                new KeyBinding("q", KeyAction.QUIT),
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

    /** Action keys come from the catalogue: its description, always dangerous. */
    private static KeyBinding action(String key, ActionKind kind) {
        return new KeyBinding(key, new KeyCommand.Guided(kind));
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
        Map<KeyCommand, KeyBinding> first = new LinkedHashMap<>();
        Map<KeyCommand, List<String>> keys = new LinkedHashMap<>();
        for (KeyBinding b : bindings) {
            first.putIfAbsent(b.command(), b);
            keys.computeIfAbsent(b.command(), c -> new java.util.ArrayList<>()).add(b.key());
        }
        Map<KeyBinding, List<String>> out = new LinkedHashMap<>();
        first.forEach((cmd, b) -> out.put(b, keys.get(cmd)));
        return out;
    }
}
