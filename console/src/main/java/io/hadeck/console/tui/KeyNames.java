package io.hadeck.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** The name a key binding uses for a key press. */
public final class KeyNames {
    private KeyNames() {
    }

    public static String of(KeyStroke k) {
        if (k.getKeyType() == KeyType.Character) {
            String ch = String.valueOf(k.getCharacter());
            return k.isCtrlDown() ? "Ctrl-" + ch : k.isAltDown() ? "Alt-" + ch : ch;
        }
        return switch (k.getKeyType()) {
            case ArrowUp -> "Up";
            case ArrowDown -> "Down";
            case ArrowLeft -> "Left";
            case ArrowRight -> "Right";
            case Escape -> "Esc";
            case PageUp -> "PgUp";
            case PageDown -> "PgDn";
            default -> k.getKeyType().name();
        };
    }
}
