package dev.lab.lab;

import java.util.List;
import java.util.Objects;

/**
 * A fenced code block inside a step, classified by its info string.
 *
 * @param kind       what the block is for
 * @param language   the first word of the info string, or {@code null} when absent
 * @param content    the block's text as written, without the final newline
 * @param expectFail {@code true} for {@code expect=fail}: the block's commands are expected to fail
 * @param edition    the {@code edition=} attribute, or {@code null} when the block applies to all editions
 * @param line       the 1-based file line of the opening fence
 */
public record Block(Kind kind, String language, String content, boolean expectFail, String edition, int line) {

    /** What a fenced block is for. */
    public enum Kind {
        /** Commands the learner runs ({@code {run}}). */
        RUN,
        /** Commands that solve the step ({@code {solve}} or language {@code solve}). */
        SOLVE,
        /** Checks that tell whether the step is done (language {@code check}). */
        CHECK,
        /** Markdown hint (language {@code hint}). */
        HINT,
        /** Presenter notes (language {@code notes}). */
        NOTES,
        /** Any other code block: shown, never run. */
        CODE
    }

    /** Validates that the required components are present. */
    public Block {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
    }

    /**
     * The block's commands: lines ending in {@code \} joined with the next, blank and {@code #}
     * lines dropped, each command with the file line where it starts. Meant for run and solve blocks.
     */
    public List<Command> commands() {
        return Commands.split(content, line + 1);
    }

    /**
     * The check lines of a {@link Kind#CHECK} block (empty for other kinds). A line without its own
     * {@code [edition]} scope takes the block's {@link #edition()}.
     */
    public List<CheckLine> checkLines() {
        return kind == Kind.CHECK ? CheckLine.parseAll(content, line + 1, edition) : List.of();
    }
}
