package dev.lab.term;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Converts a GFM table node into a {@link Table}, keeping inline styles and alignment. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static List<AttributedString> render(TableBlock block, int width) {
        Table table = null;
        List<List<AttributedString>> body = new ArrayList<>();
        for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<AttributedString> cells = cells(row);
                if (section instanceof TableHead && table == null) {
                    table = Table.ofStyled(cells);
                    align(table, row);
                } else {
                    body.add(cells);
                }
            }
        }
        if (table == null) {
            table = Table.ofStyled(List.of());
        }
        body.forEach(table::row);
        return table.render(width);
    }

    private static List<AttributedString> cells(Node row) {
        List<AttributedString> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            boolean header = cell instanceof TableCell c && c.isHeader();
            AttributedStyle style = header ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
            cells.add(InlineRenderer.render(cell, style).toAttributedString());
        }
        return cells;
    }

    private static void align(Table table, Node headerRow) {
        int column = 0;
        for (Node cell = headerRow.getFirstChild(); cell != null; cell = cell.getNext(), column++) {
            if (cell instanceof TableCell c && c.getAlignment() != null) {
                table.align(column, switch (c.getAlignment()) {
                    case LEFT -> Table.Align.LEFT;
                    case CENTER -> Table.Align.CENTER;
                    case RIGHT -> Table.Align.RIGHT;
                });
            }
        }
    }
}
