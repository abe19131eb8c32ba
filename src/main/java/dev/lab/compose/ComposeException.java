package dev.lab.compose;

import java.nio.file.Path;

/**
 * A mistake in a compose file, or a feature this subset does not support. The message is one line
 * that starts with the file and 1-based line, e.g.
 * {@code labs/persistence/files/compose.yml:7: unsupported compose key 'build' in service 'app' (...)}.
 * Problems about the whole file (it cannot be read) use line 0 and omit it from the message.
 */
public final class ComposeException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String problem;

    /**
     * Creates an exception for a problem at {@code file:line}.
     *
     * @param file    the compose file
     * @param line    1-based line, or 0 when the problem concerns the whole file
     * @param problem what is wrong, without the location prefix
     */
    public ComposeException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The compose file the problem is in. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The problem description without the {@code file:line:} prefix. */
    public String problem() {
        return problem;
    }

    private static String format(Path file, int line, String problem) {
        // One line per error so terminal output and tests stay predictable.
        String oneLine = problem.replaceAll("\\s*\\R\\s*", " ");
        return line > 0 ? file + ":" + line + ": " + oneLine : file + ": " + oneLine;
    }
}
