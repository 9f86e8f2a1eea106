package io.hadeck.probe.ssh;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX single-quoting for words sent through ssh to the remote shell. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words as one line a POSIX shell splits back into the same words (for plans and audit). */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
