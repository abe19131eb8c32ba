package dev.lab.demo;

/**
 * How a command appears on the audience's screen: typed as the presenter presses keys (doitlive's
 * way), typed by itself at {@code cps} characters a second, or printed whole.
 */
public record Typing(Mode mode, int cps) {
    public enum Mode { KEYS, AUTO, OFF }

    /** {@code keys}, {@code auto}, {@code auto=N} (N characters a second, default 25) or {@code off}. */
    public static Typing parse(String text) {
        if (text.equals("keys")) return new Typing(Mode.KEYS, 0);
        if (text.equals("off")) return new Typing(Mode.OFF, 0);
        if (text.equals("auto")) return new Typing(Mode.AUTO, 25);
        if (text.matches("auto=[0-9]{1,4}") && Integer.parseInt(text.substring(5)) > 0) {
            return new Typing(Mode.AUTO, Integer.parseInt(text.substring(5)));
        }
        throw new IllegalArgumentException("--typing must be keys, auto, auto=N (characters a second) or off, not " + text);
    }
}
