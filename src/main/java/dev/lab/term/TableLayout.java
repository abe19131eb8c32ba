package dev.lab.term;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Column widths and line drawing for {@link Table}. */
final class TableLayout {
    // A Hangul syllable needs two columns; a narrower column could never hold it.
    private static final int MIN_COLUMN = 2;

    private final int[] widths;
    private final Table.Align[] aligns;

    TableLayout(int[] widths, Table.Align[] aligns) {
        this.widths = widths;
        this.aligns = aligns;
    }

    /**
     * Shrinks the natural column widths to share {@code available} columns: columns that
     * fit within an even share keep their width, and the rest split what remains.
     */
    static int[] fit(int[] natural, int available) {
        int total = 0;
        for (int w : natural) {
            total += w;
        }
        if (total <= available) {
            return natural.clone();
        }
        int[] widths = new int[natural.length];
        boolean[] done = new boolean[natural.length];
        int remaining = available;
        int open = natural.length;
        boolean changed = true;
        while (changed && open > 0) {
            changed = false;
            int share = remaining / open;
            for (int i = 0; i < natural.length; i++) {
                if (!done[i] && natural[i] <= share) {
                    widths[i] = natural[i];
                    done[i] = true;
                    remaining -= natural[i];
                    open--;
                    changed = true;
                }
            }
        }
        for (int i = 0, extra = open == 0 ? 0 : remaining % open; i < natural.length; i++) {
            if (!done[i]) {
                int share = remaining / open + (extra-- > 0 ? 1 : 0);
                widths[i] = Math.max(Math.min(natural[i], MIN_COLUMN), share);
            }
        }
        return widths;
    }

    /** Wraps one cell to {@code width} columns. */
    static List<AttributedString> lines(AttributedString cell, int width) {
        return new TextFlow().append(cell).wrap(width);
    }

    AttributedString border(char left, char middle, char right) {
        AttributedStringBuilder b = new AttributedStringBuilder().style(Theme.DIM);
        b.append(left);
        for (int i = 0; i < widths.length; i++) {
            b.append("─".repeat(widths[i] + 2)).append(i == widths.length - 1 ? right : middle);
        }
        return b.toAttributedString();
    }

    /** Appends the lines of one table row, each cell wrapped within its column. */
    void row(List<AttributedString> cells, List<AttributedString> out) {
        List<List<AttributedString>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < widths.length; i++) {
            AttributedString cell = i < cells.size() ? cells.get(i) : AttributedString.EMPTY;
            wrapped.add(lines(cell, widths[i]));
            height = Math.max(height, wrapped.get(i).size());
        }
        for (int line = 0; line < height; line++) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.styled(Theme.DIM, "│");
            for (int i = 0; i < widths.length; i++) {
                List<AttributedString> cellLines = wrapped.get(i);
                AttributedString text = line < cellLines.size() ? cellLines.get(line) : AttributedString.EMPTY;
                b.append(' ');
                pad(b, text, widths[i], i < aligns.length && aligns[i] != null ? aligns[i] : Table.Align.LEFT);
                b.append(' ').styled(Theme.DIM, "│");
            }
            out.add(b.toAttributedString());
        }
    }

    private static void pad(AttributedStringBuilder b, AttributedString text, int width, Table.Align align) {
        int gap = Math.max(0, width - Width.columns(text));
        int before = switch (align) {
            case LEFT -> 0;
            case CENTER -> gap / 2;
            case RIGHT -> gap;
        };
        b.append(" ".repeat(before)).append(text).append(" ".repeat(gap - before));
    }
}
