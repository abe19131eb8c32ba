package dev.lab.session;

/** Hears what a step does while it runs, for the terminal or a report. All methods default to nothing. */
public interface Listener {
    default void variant(String name, java.util.List<String> diff) {}
    default void command(String line) {}
    default void output(String line) {}
    default void error(String line) {}
    default void exit(String line, int code, boolean expectedFailure) {}
    /** lab replaced or removed the learner's {@code file} and kept their version as {@code backup}; {@code diff} goes from it to the new file. */
    default void kept(String file, String backup, java.util.List<String> diff) {}
}
