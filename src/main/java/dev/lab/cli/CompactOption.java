package dev.lab.cli;

import picocli.CommandLine.Option;

/** {@code --compact}: output for a projector, shared by {@code start} and {@code run} ({@code demo} is always compact). */
final class CompactOption {
    @Option(names = "--compact", description = "compact output for a projector: one line per failed check, one for those that held, no line wider than the terminal")
    boolean compact;

    /** The width compact lines keep to: {@code $COLUMNS} when set, else 80 (output may be piped). */
    static int width() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns >= 20 ? columns : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
