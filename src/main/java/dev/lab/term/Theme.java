package dev.lab.term;

import org.jline.utils.AttributedStyle;

/** The colors and attributes shared by everything this package draws. */
public final class Theme {
    /** Level-1 headings. */
    public static final AttributedStyle H1 = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    /** Level-2 headings, which are lab steps. */
    public static final AttributedStyle H2 = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    /** Deeper headings. */
    public static final AttributedStyle HEADING = AttributedStyle.BOLD;
    /** Lines of fenced and indented code blocks. */
    public static final AttributedStyle CODE_BLOCK = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    /** Secondary information: code block labels, URLs, borders, gutters. */
    public static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    /** A passed check. */
    public static final AttributedStyle OK = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
    /** A failed check. */
    public static final AttributedStyle FAIL = AttributedStyle.BOLD.foreground(AttributedStyle.RED);

    private Theme() {
    }

    /** Inline code inside text drawn with {@code base}; keeps e.g. a heading's boldness. */
    public static AttributedStyle code(AttributedStyle base) {
        return base.foreground(AttributedStyle.YELLOW);
    }
}
