package io.hadeck.actions.remote;

/** What a remote command gave back. */
public record ShellResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** The most useful one line of the answer: the first line of stderr, else of stdout. */
    public String firstLine() {
        String s = !stderr.isBlank() ? stderr : stdout;
        s = s.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
