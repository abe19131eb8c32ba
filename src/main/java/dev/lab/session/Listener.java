package dev.lab.session;

/** Hears what a step does while it runs, for the terminal or a report. All methods default to nothing. */
public interface Listener {
    default void variant(String name, java.util.List<String> diff) {}
    default void command(String line) {}
    default void output(String line) {}
    default void error(String line) {}
    default void exit(String line, int code, boolean expectedFailure) {}
}
