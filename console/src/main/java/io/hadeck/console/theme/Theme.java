package io.hadeck.console.theme;

import java.util.EnumMap;
import java.util.Map;

/** A named mapping from every {@link Role} to a {@link Style}; roles a file omits look like TEXT. */
public record Theme(String name, String description, Map<Role, Style> styles) {

    public Theme {
        EnumMap<Role, Style> all = new EnumMap<>(Role.class);
        Style text = styles.getOrDefault(Role.TEXT, Style.PLAIN);
        for (Role r : Role.values()) {
            all.put(r, styles.getOrDefault(r, text));
        }
        styles = Map.copyOf(all);
    }

    public Style style(Role role) {
        return styles.get(role);
    }
}
