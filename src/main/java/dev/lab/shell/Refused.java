package dev.lab.shell;

import java.util.List;

/**
 * A command line the emulated tool itself refuses (an unknown option, a missing argument): the lines
 * it prints on stderr and its exit status, so the step fails as it would with the real tool.
 */
final class Refused extends Exception {
    final List<String> lines;
    final int status;

    Refused(List<String> lines, int status) {
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
        this.status = status;
    }

    /** Prints the lines on stderr and returns the status. */
    int report(Io io) {
        lines.forEach(io.err());
        return status;
    }
}
