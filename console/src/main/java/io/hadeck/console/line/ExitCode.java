package io.hadeck.console.line;

/** hadeck's exit codes (TEAM.md); scripts and runbooks key on them. */
public final class ExitCode {
    public static final int OK = 0;
    /** findings at warn or worse, an assertion failed, or wait-for timed out */
    public static final int UNHEALTHY = 1;
    /** bad command line, bad condition, bad config */
    public static final int USAGE = 2;
    /** nothing could be read */
    public static final int UNREACHABLE = 3;
    /** refused by preflight or not confirmed */
    public static final int REFUSED = 4;
    /** an action failed (or hadeck itself did) */
    public static final int FAILED = 5;
    /** interrupted by Ctrl-C (shell convention 128 + SIGINT) */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
