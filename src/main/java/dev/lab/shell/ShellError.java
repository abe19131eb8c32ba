package dev.lab.shell;

/** A command the runner cannot execute as written; its message is one line naming the command. */
public final class ShellError extends RuntimeException {
    public ShellError(String message) { super(message); }

    public ShellError(String message, Throwable cause) { super(message, cause); }
}
