package dev.lab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Where a lab command's output lines go. */
public record Io(Consumer<String> out, Consumer<String> err) {

    /** Output collected into lists, for tests. */
    public static final class Capture {
        public final List<String> out = new ArrayList<>();
        public final List<String> err = new ArrayList<>();

        public Io io() { return new Io(out::add, err::add); }
    }
}
