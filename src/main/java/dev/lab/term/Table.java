package dev.lab.term;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * A builder for box-drawn text tables whose columns line up by display width.
 *
 * <pre>{@code
 * Table.of(List.of("", "검사", "결과"))
 *      .row(Theme.OK, "✓", "버킷 존재", "ok")
 *      .render(terminal.getWidth());
 * }</pre>
 *
 * <p>When the natural width does not fit, wide columns are narrowed and their cells wrapped
 * within the cell.
 */
public final class Table {
    /** Horizontal placement of the text inside a column. */
    public enum Align { LEFT, CENTER, RIGHT }

    private final List<AttributedString> headers;
    private final List<List<AttributedString>> rows = new ArrayList<>();
    private Align[] aligns = new Align[0];

    private Table(List<AttributedString> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Starts a table with the given header cells (drawn bold); an empty list means no header. */
    public static Table of(List<String> headers) {
        List<AttributedString> styled = new ArrayList<>();
        for (String header : headers) {
            styled.add(new AttributedString(header, AttributedStyle.BOLD));
        }
        return new Table(styled);
    }

    /** Starts a table whose header cells are already styled. */
    public static Table ofStyled(List<AttributedString> headers) {
        return new Table(headers);
    }

    /** Adds a row of unstyled cells; a cell may contain {@code \n} to force a line break. */
    public Table row(String... cells) {
        return row(AttributedStyle.DEFAULT, cells);
    }

    /**
     * Adds a row whose first cell is drawn with {@code firstCellStyle}, typically a green
     * {@code ✓} or red {@code ✗} status mark; the other cells are unstyled.
     */
    public Table row(AttributedStyle firstCellStyle, String... cells) {
        List<AttributedString> styled = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            styled.add(new AttributedString(cells[i], i == 0 ? firstCellStyle : AttributedStyle.DEFAULT));
        }
        return row(styled);
    }

    /** Adds a row of individually styled cells. */
    public Table row(List<AttributedString> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Sets how text is placed within {@code column} (0-based); columns default to left. */
    public Table align(int column, Align align) {
        if (column >= aligns.length) {
            aligns = Arrays.copyOf(aligns, column + 1);
        }
        aligns[column] = align;
        return this;
    }

    /** Draws the table in at most {@code maxWidth} columns when the content allows it. */
    public List<AttributedString> render(int maxWidth) {
        int count = headers.size();
        for (List<AttributedString> row : rows) {
            count = Math.max(count, row.size());
        }
        if (count == 0) {
            return List.of();
        }
        int[] natural = new int[count];
        measure(headers, natural);
        rows.forEach(row -> measure(row, natural));
        int[] widths = TableLayout.fit(natural, maxWidth - (3 * count + 1));
        TableLayout layout = new TableLayout(widths, aligns);
        List<AttributedString> out = new ArrayList<>();
        out.add(layout.border('┌', '┬', '┐'));
        if (!headers.isEmpty()) {
            layout.row(headers, out);
            out.add(layout.border('├', '┼', '┤'));
        }
        rows.forEach(row -> layout.row(row, out));
        out.add(layout.border('└', '┴', '┘'));
        return out;
    }

    /** Draws the table as plain text lines, for piped output and tests. */
    public List<String> renderPlain(int maxWidth) {
        List<String> lines = new ArrayList<>();
        render(maxWidth).forEach(line -> lines.add(line.toString()));
        return lines;
    }

    private static void measure(List<AttributedString> cells, int[] natural) {
        for (int i = 0; i < cells.size(); i++) {
            for (AttributedString line : TableLayout.lines(cells.get(i), Integer.MAX_VALUE)) {
                natural[i] = Math.max(natural[i], Width.columns(line));
            }
        }
    }
}
