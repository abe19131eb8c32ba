package dev.lab.term;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/**
 * Display-width helpers for terminal text.
 *
 * <p>Every measurement is in terminal columns, not chars: Hangul and other East Asian wide
 * characters take two columns, combining marks take none.
 */
public final class Width {
    private static final String ELLIPSIS = "…";

    private Width() {
    }

    /** Returns the number of terminal columns {@code text} occupies. */
    public static int columns(CharSequence text) {
        int cols = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            cols += of(cp);
            i += Character.charCount(cp);
        }
        return cols;
    }

    /** Returns the column width of a single code point; control characters count as zero. */
    public static int of(int codePoint) {
        // wcwidth reports -1 for control characters; they take no room on screen.
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    /**
     * Pads {@code text} with spaces on the right until it is {@code cols} columns wide.
     * Text that is already wider is returned unchanged.
     */
    public static String padRight(String text, int cols) {
        int missing = cols - columns(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /**
     * Wraps {@code text} into lines of at most {@code cols} columns, breaking at spaces.
     * Explicit newlines are kept; a word wider than a whole line is split by columns.
     */
    public static List<String> wrap(String text, int cols) {
        List<String> lines = new ArrayList<>();
        for (AttributedString line : new TextFlow().append(text, AttributedStyle.DEFAULT).wrap(cols)) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Shortens {@code text} to at most {@code cols} columns, marking the cut with {@code …}.
     * Text that already fits is returned unchanged.
     */
    public static String truncate(String text, int cols) {
        if (columns(text) <= cols) {
            return text;
        }
        if (cols <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        int budget = cols - columns(ELLIPSIS);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = of(cp);
            if (used + w > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append(ELLIPSIS).toString();
    }
}
