package io.hadeck.console.theme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads themes: the built-in files under {@code themes/} in the jar, or a user's own file
 * ({@code ~/.config/hadeck/themes/NAME.json} or any path ending in .json). NO_COLOR wins over any
 * choice: it means monochrome.
 */
public final class ThemeLoader {
    public static final String DEFAULT = "dark";
    public static final String MONOCHROME = "monochrome";
    /** Cycle order for the `t` key. */
    public static final List<String> BUILT_IN = List.of("dark", "light", "high-contrast", "monochrome");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SGR> MODIFIERS = Map.of("bold", SGR.BOLD, "reverse", SGR.REVERSE,
            "underline", SGR.UNDERLINE, "italic", SGR.ITALIC, "blink", SGR.BLINK);

    private ThemeLoader() {
    }

    /** The theme to start with: monochrome when NO_COLOR is set (any value), else the requested one, else dark. */
    public static Theme choose(String requested, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return load(MONOCHROME);
        }
        return load(requested == null || requested.isBlank() ? DEFAULT : requested);
    }

    /** The next built-in theme after {@code current}, for cycling. */
    public static String next(String current) {
        int i = BUILT_IN.indexOf(current);
        return BUILT_IN.get((i + 1) % BUILT_IN.size());
    }

    /** By built-in name, user theme name, or path; throws ThemeException with a one-line reason. */
    public static Theme load(String nameOrPath) {
        try {
            if (nameOrPath.endsWith(".json")) {
                return parse(nameOrPath, Files.readString(Path.of(nameOrPath)));
            }
            Path user = Path.of(System.getProperty("user.home"), ".config", "hadeck", "themes", nameOrPath + ".json");
            if (Files.isRegularFile(user)) {
                return parse(user.toString(), Files.readString(user));
            }
            try (InputStream in = ThemeLoader.class.getClassLoader().getResourceAsStream("themes/" + nameOrPath + ".json")) {
                if (in == null) {
                    throw new ThemeException("no theme named '" + nameOrPath + "' (built in: "
                            + String.join(", ", BUILT_IN) + ")");
                }
                return parse("themes/" + nameOrPath + ".json", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ThemeException("cannot read theme " + nameOrPath + ": " + e.getMessage());
        }
    }

    static Theme parse(String where, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ThemeException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode roles = root.path("roles");
        if (!roles.isObject()) {
            throw new ThemeException(where + ": needs a \"roles\" object");
        }
        Map<Role, Style> styles = new EnumMap<>(Role.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = roles.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Role role = role(where, e.getKey());
            styles.put(role, style(where + ": " + e.getKey(), e.getValue()));
        }
        return new Theme(root.path("name").asText(where), root.path("description").asText(""), styles);
    }

    private static Role role(String where, String key) {
        for (Role r : Role.values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new ThemeException(where + ": unknown role '" + key + "'");
    }

    private static Style style(String where, JsonNode n) {
        Set<SGR> mods = EnumSet.noneOf(SGR.class);
        List<String> unknown = new ArrayList<>();
        n.fieldNames().forEachRemaining(f -> {
            if (MODIFIERS.containsKey(f)) {
                if (n.get(f).asBoolean()) {
                    mods.add(MODIFIERS.get(f));
                }
            } else if (!f.equals("fg") && !f.equals("bg")) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ThemeException(where + ": unknown key(s) " + unknown);
        }
        return new Style(color(where, n.get("fg")), color(where, n.get("bg")), mods);
    }

    /** "default", an ANSI name ("red", "red_bright"), a 256-colour index, or "#rrggbb". */
    static TextColor color(String where, JsonNode v) {
        if (v == null || v.isNull()) {
            return TextColor.ANSI.DEFAULT;
        }
        if (v.isInt()) {
            int i = v.asInt();
            if (i < 0 || i > 255) {
                throw new ThemeException(where + ": colour index " + i + " is not 0..255");
            }
            return new TextColor.Indexed(i);
        }
        String s = v.asText().trim();
        try {
            if (s.startsWith("#") && s.length() == 7) {
                return new TextColor.RGB(Integer.parseInt(s.substring(1, 3), 16), Integer.parseInt(s.substring(3, 5), 16),
                        Integer.parseInt(s.substring(5, 7), 16));
            }
            return TextColor.ANSI.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {   // NumberFormatException too: "#zz0000"
            throw new ThemeException(where + ": unknown colour '" + s + "'");
        }
    }
}
