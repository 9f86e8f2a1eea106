package io.hadeck.console.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

import java.util.EnumSet;
import java.util.Set;

/** How one role looks: colours and text modifiers (bold, reverse, …). */
public record Style(TextColor foreground, TextColor background, Set<SGR> modifiers) {
    public static final Style PLAIN = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of());

    public Style {
        modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modifiers));
    }
}
