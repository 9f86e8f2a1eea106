package io.hadeck.console.line;

/** An error a command reports as one line and an exit code; never shown as a stack trace. */
public class CommandException extends RuntimeException {

    private final int exitCode;

    public CommandException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CommandException usage(String message) {
        return new CommandException(ExitCode.USAGE, message);
    }

    public static CommandException unreachable(String message) {
        return new CommandException(ExitCode.UNREACHABLE, message);
    }

    public static CommandException refused(String message) {
        return new CommandException(ExitCode.REFUSED, message);
    }

    public static CommandException failed(String message) {
        return new CommandException(ExitCode.FAILED, message);
    }
}
