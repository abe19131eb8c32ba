package dev.lab.host;

/** POSIX shell quoting. */
public final class Sh {
    private Sh() {}

    /** {@code value} in single quotes, each {@code '} written as {@code '\''}: safe for any text. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
