package dev.lab.lab;

/**
 * One shell command of a run or solve block, after joining {@code \}-continued lines.
 *
 * @param text the command text (heredoc bodies keep their newlines)
 * @param line the 1-based file line where the command starts
 */
public record Command(String text, int line) {
}
