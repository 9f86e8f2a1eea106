package io.hadeck.console.output;

import java.util.List;
import java.util.Map;

/** A JSON tree as indented "key: value" lines for people; nulls are left out. */
public final class IndentedText {

    private IndentedText() {
    }

    public static String of(Map<String, Object> tree) {
        StringBuilder sb = new StringBuilder();
        write(sb, tree, 0);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Map<String, Object> map, int depth) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            if (v == null || (v instanceof List<?> l && l.isEmpty())) {
                continue;
            }
            String pad = "  ".repeat(depth);
            if (v instanceof Map<?, ?> m) {
                sb.append(pad).append(e.getKey()).append(":\n");
                write(sb, (Map<String, Object>) m, depth + 1);
            } else if (v instanceof List<?> l && l.get(0) instanceof Map) {
                sb.append(pad).append(e.getKey()).append(":\n");
                for (Object item : l) {
                    sb.append(pad).append("  -\n");
                    write(sb, (Map<String, Object>) item, depth + 2);
                }
            } else {
                sb.append(pad).append(e.getKey()).append(": ").append(v instanceof List<?> l ? String.join(", ",
                        l.stream().map(String::valueOf).toList()) : v).append('\n');
            }
        }
    }
}
