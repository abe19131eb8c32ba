package dev.lab.source;

import java.nio.file.Path;

/**
 * A mistake in a source file lab reads (a lab's Markdown, a compose file). The message is a single
 * line that starts with the file and 1-based line, e.g. {@code lab.ko.md:12: unknown block
 * attribute 'expct=fail'}; problems about a whole file or folder use line 0 and omit the line.
 */
public abstract class SourceException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file (or folder) the problem is in
     * @param line    1-based line, or 0 when the problem concerns the whole file
     * @param problem what is wrong, without the location prefix
     */
    protected SourceException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file or folder the problem is in. */
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
