package io.hadeck.console.session;

import io.hadeck.console.line.CommandException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lines of a batch file, a -c string or a REPL share: variables (`set`), whether an error
 * stops the run (`on-error`) and an `exit` asked for.
 */
public final class BatchState {

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private final Map<String, String> variables = new TreeMap<>();
    private boolean continueOnError;
    private Integer exitRequested;

    /** `exit [CODE]` asks the REPL or batch runner to stop with this code. */
    public synchronized void requestExit(int code) {
        exitRequested = code;
    }

    public synchronized Integer exitRequested() {
        return exitRequested;
    }

    public synchronized boolean continueOnError() {
        return continueOnError;
    }

    public synchronized void continueOnError(boolean b) {
        continueOnError = b;
    }

    public synchronized void set(String name, String value) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw CommandException.usage("'" + name + "' is not a variable name (letters, digits, _)");
        }
        variables.put(name, value);
    }

    public synchronized Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Replaces $NAME and ${NAME}; an unknown variable is a usage error, never an empty string. */
    public synchronized String expand(String text) {
        return expand(text, variables);
    }

    public static String expand(String text, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            String v = vars.get(name);
            if (v == null) {
                throw CommandException.usage("variable $" + name + " is not set (use: set " + name + " VALUE)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
