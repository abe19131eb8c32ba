package dev.lab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A command's standard input (lines, for filters in a pipe) and where its output lines go. */
public record Io(List<String> stdin, Consumer<String> out, Consumer<String> err) {

    /** Output collected into lists, for pipes and tests. */
    public static final class Capture {
        public final List<String> out = new ArrayList<>();
        public final List<String> err = new ArrayList<>();

        public Io io(List<String> stdin) { return new Io(stdin, out::add, err::add); }
    }
}
