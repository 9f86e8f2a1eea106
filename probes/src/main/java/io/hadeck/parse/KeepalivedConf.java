package io.hadeck.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code hadeck init} takes from a keepalived pair node: the configuration file the running
 * keepalived reads (its command line in {@code ps}) and the addresses its {@code virtual_ipaddress}
 * blocks move. Pure; the rest of keepalived's grammar is skipped, not judged.
 */
public final class KeepalivedConf {

    /** Where keepalived reads its configuration when its command line names none. */
    public static final String DEFAULT_PATH = "/etc/keepalived/keepalived.conf";

    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private KeepalivedConf() {
    }

    /**
     * The command line of the first keepalived process of {@code ps -o pid,stat,etimes,args -C
     * keepalived} (its parent: ps lists by pid), empty when none runs.
     */
    public static Optional<String> commandLine(String ps) {
        List<String> lines = ps == null ? List.of() : ps.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split("\\s+", 4);
            if (f.length == 4) {
                return Optional.of(f[3]);
            }
        }
        return Optional.empty();
    }

    /** The file a keepalived command line reads: {@code -f PATH}, {@code -fPATH}, {@code --use-file[=]PATH}; else the default. */
    public static String path(String commandLine) {
        String[] w = commandLine.strip().split("\\s+");
        for (int i = 0; i < w.length; i++) {
            if ((w[i].equals("-f") || w[i].equals("--use-file")) && i + 1 < w.length) {
                return w[i + 1];
            }
            if (w[i].startsWith("--use-file=")) {
                return w[i].substring("--use-file=".length());
            }
            if (w[i].startsWith("-f") && w[i].length() > 2 && !w[i].startsWith("--")) {
                return w[i].substring(2);
            }
        }
        return DEFAULT_PATH;
    }

    /**
     * Every address of every {@code virtual_ipaddress} block, in order, without prefix length: the
     * first word of each line inside the block ({@code 10.0.0.5/24 dev eth0 label eth0:1}).
     * {@code virtual_ipaddress_excluded} (addresses left out of the adverts) is not the VIP.
     *
     * @throws ParseException on a quoted string left open
     */
    public static List<String> virtualAddresses(String text) {
        List<String> tokens = tokens(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals("virtual_ipaddress")) {
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).equals("\n")) {
                j++;
            }
            if (j >= tokens.size() || !tokens.get(j).equals("{")) {
                continue;
            }
            int depth = 1;
            boolean lineStart = true;
            for (j++; j < tokens.size() && depth > 0; j++) {
                String t = tokens.get(j);
                switch (t) {
                    case "{" -> depth++;
                    case "}" -> depth--;
                    case "\n" -> lineStart = true;
                    default -> {
                        if (lineStart && depth == 1) {
                            String a = t.contains("/") ? t.substring(0, t.indexOf('/')) : t;
                            if (ADDRESS.matcher(a).matches()) {
                                out.add(a);
                            }
                        }
                        lineStart = false;
                    }
                }
            }
            i = j - 1;
        }
        return out;
    }

    /** Words, braces as words of their own and "\n" at each line's end; comments ({@code #} or {@code !} outside quotes) dropped. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.addAll(BraceConfig.words(i + 1, lines.get(i), "#!"));
            out.add("\n");
        }
        return out;
    }
}
